package dev.waotp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the JSON request body of one {@link AuthMessage}: the template's constant bytes from its
 * {@link PayloadShape}, with the message's values escaped the way Jackson escapes them.
 */
final class PayloadEncoder {
    byte[] encode(AuthMessage message) {
        int refs = (message.ref() != null ? PayloadShape.HAS_REF : 0)
                | (message.ref1() != null ? PayloadShape.HAS_REF1 : 0)
                | (message.ref2() != null ? PayloadShape.HAS_REF2 : 0);
        byte[][] values = new byte[PayloadShape.Slot.values().length][];
        values[PayloadShape.Slot.TO.ordinal()] = jsonText(message.joinedRecipients());
        values[PayloadShape.Slot.OTP.ordinal()] = jsonText(message.otp());
        if (message.ref() != null) {
            values[PayloadShape.Slot.REF.ordinal()] = jsonText(message.ref());
        }
        if (message.ref1() != null) {
            values[PayloadShape.Slot.REF1.ordinal()] = jsonText(message.ref1());
        }
        if (message.ref2() != null) {
            values[PayloadShape.Slot.REF2.ordinal()] = jsonText(message.ref2());
        }
        return message.template().shape(refs).fill(values);
    }

    /** The inside of a JSON string in UTF-8; numbers and codes are plain ASCII, copied as they are. */
    static byte[] jsonText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return JsonStringEncoder.getInstance().quoteAsUTF8(value);
            }
        }
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }
}
