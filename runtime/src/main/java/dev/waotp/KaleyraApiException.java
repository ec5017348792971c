package dev.waotp;

import java.util.Map;

/**
 * Kaleyra answered with an error. Subclasses name each error the API documents; this class itself is
 * used for codes it does not document and for bodies that are not the documented JSON.
 */
public class KaleyraApiException extends KaleyraException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String apiMessage;
    private final Map<String, String> errors;

    public KaleyraApiException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(describe(httpStatus, code, apiMessage));
        this.httpStatus = httpStatus;
        this.code = code;
        this.apiMessage = apiMessage;
        this.errors = Map.copyOf(errors);
    }

    private static String describe(int httpStatus, String code, String apiMessage) {
        StringBuilder text = new StringBuilder("Kaleyra answered HTTP ").append(httpStatus);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (apiMessage != null && !apiMessage.isEmpty()) {
            text.append(": ").append(apiMessage);
        }
        if (code == null && apiMessage == null) {
            text.append(", with a body that is not a Kaleyra answer");
        }
        return text.toString();
    }

    /** The HTTP status code, for example 401. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Kaleyra's error code, for example {@code WA400}; {@code null} when the body had none. */
    public String code() {
        return code;
    }

    /** Kaleyra's {@code message}; {@code null} when the body had none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** Kaleyra's {@code error} map, field to reason; empty when the body had none. */
    public Map<String, String> errors() {
        return errors;
    }
}
