package dev.waotp;

import java.util.Map;

/** {@code RBC001}, HTTP 401: the SID or the API key is wrong. Check both, and the region. */
public final class AuthenticationException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
