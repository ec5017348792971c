package dev.waotp;

/** {@code RBC001}, HTTP 401: the SID or the API key is wrong. Check both, and the region. */
public final class AuthenticationException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(ApiError error) {
        super(error);
    }
}
