package dev.waotp;

import java.util.Map;

/** {@code E110}, HTTP 400: the account balance is too low to send. */
public final class LowBalanceException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public LowBalanceException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
