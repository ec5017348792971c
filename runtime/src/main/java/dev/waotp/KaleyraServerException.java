package dev.waotp;

import java.util.Map;

/** {@code WA500} or any HTTP 5xx: Kaleyra failed; retried by the client's retry policy before it is thrown. */
public final class KaleyraServerException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public KaleyraServerException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
