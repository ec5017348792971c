package dev.waotp;

/** {@code WA400}, HTTP 400: Kaleyra rejected the payload format. */
public final class InvalidPayloadException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    InvalidPayloadException(ApiError error) {
        super(error);
    }
}
