package dev.waotp;

import java.util.Map;

/** {@code WA400}, HTTP 400: Kaleyra rejected the payload format. */
public final class InvalidPayloadException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    public InvalidPayloadException(int httpStatus, String code, String apiMessage, Map<String, String> errors) {
        super(httpStatus, code, apiMessage, errors);
    }
}
