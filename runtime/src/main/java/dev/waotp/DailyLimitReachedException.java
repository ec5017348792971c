package dev.waotp;

/**
 * {@code WAV2101}: the account's daily sending limit is reached. Never retried: no message of this
 * account goes out before the limit resets, so the caller should stop and tell the user.
 */
public final class DailyLimitReachedException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    DailyLimitReachedException(ApiError error) {
        super(error);
    }
}
