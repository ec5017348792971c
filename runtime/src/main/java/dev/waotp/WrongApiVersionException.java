package dev.waotp;

/** {@code WA-401} on {@code phone_number}, HTTP 401: the business number is set up for another version of the WhatsApp API; use that version's endpoint. */
public final class WrongApiVersionException extends KaleyraApiException {
    private static final long serialVersionUID = 1L;

    WrongApiVersionException(ApiError error) {
        super(error);
    }
}
