package dev.waotp;

/** {@code E110}, HTTP 400: the account balance is too low to send. */
public final class LowBalanceException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    LowBalanceException(ApiError error) {
        super(error);
    }
}
