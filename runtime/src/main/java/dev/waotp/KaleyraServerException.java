package dev.waotp;

/**
 * {@code WA500} or any HTTP 5xx: Kaleyra, or a server in front of it, failed. Retried as the client's
 * {@link RetryPolicy} allows before it is thrown; see {@link RetryPolicy.Builder#retryUnconfirmed}.
 */
public final class KaleyraServerException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    KaleyraServerException(ApiError error) {
        super(error);
    }
}
