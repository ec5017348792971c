package dev.waotp;

/** {@code WA-401} on {@code account}, HTTP 401: this API is not enabled for the account; Kaleyra support can enable it. */
public final class ApiNotAvailableException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    ApiNotAvailableException(ApiError error) {
        super(error);
    }
}
