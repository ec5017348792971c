package dev.waotp;

/** {@code WA401}, HTTP 401: the business number in the request path is not on this account. */
public final class PhoneNumberNotRegisteredException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    PhoneNumberNotRegisteredException(ApiError error) {
        super(error);
    }
}
