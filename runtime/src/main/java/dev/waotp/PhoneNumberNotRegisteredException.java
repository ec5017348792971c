package dev.waotp;

import java.util.Map;

/** {@code WA401}, HTTP 401: the business number in the request path is not on this account. */
public final class PhoneNumberNotRegisteredException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public PhoneNumberNotRegisteredException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
