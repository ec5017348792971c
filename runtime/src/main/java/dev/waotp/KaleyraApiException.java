package dev.waotp;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kaleyra answered with an error. Subclasses name each error the API documents; this class itself is
 * used for codes it does not document and for bodies that are not the documented JSON. Only the
 * client creates these: which code maps to which type is decided in one place.
 */
public class KaleyraApiException extends KaleyraException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final @Nullable String code;
    private final @Nullable String apiMessage;
    private final Map<String, String> errors;
    private final @Nullable Duration retryAfter;

    KaleyraApiException(ApiError error) {
        super(describe(error.httpStatus(), error.code(), error.message()));
        this.httpStatus = error.httpStatus();
        this.code = error.code();
        this.apiMessage = error.message();
        this.errors = error.errors();
        this.retryAfter = error.retryAfter();
    }

    private static String describe(int httpStatus, @Nullable String code, @Nullable String apiMessage) {
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
    public @Nullable String code() {
        return code;
    }

    /** Kaleyra's {@code message}; {@code null} when the body had none. */
    public @Nullable String apiMessage() {
        return apiMessage;
    }

    /** Kaleyra's {@code error} map, field to reason; empty when the body had none. */
    public Map<String, String> errors() {
        return errors;
    }

    /** How long the server asked to wait ({@code Retry-After}); {@code null} when it did not say. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
