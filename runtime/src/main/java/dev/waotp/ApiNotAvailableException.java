package dev.waotp;

import java.util.Map;

/** {@code WA-401} on {@code account}, HTTP 401: this API is not enabled for the account; Kaleyra support can enable it. */
public final class ApiNotAvailableException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public ApiNotAvailableException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
