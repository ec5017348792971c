package dev.waotp;

/**
 * Writes the JSON request body of one {@link AuthMessage}: its template's constant bytes, with the
 * message's values escaped the way Jackson escapes them (see {@link PayloadShape}).
 */
final class PayloadEncoder {
    byte[] encode(AuthMessage message) {
        int refs = (message.ref() != null ? PayloadShape.HAS_REF : 0)
                | (message.ref1() != null ? PayloadShape.HAS_REF1 : 0)
                | (message.ref2() != null ? PayloadShape.HAS_REF2 : 0);
        return message.template().shape(refs).fill(message);
    }
}
