package dev.waotp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of one template with holes where a message's values go: the bytes between the holes are
 * the same for every send, so they are written once, by Jackson from {@link SendRequest}, and then
 * only copied. The model stays the one place that says which fields there are and in which order.
 */
final class PayloadShape {
    /** What fills a hole. */
    private enum Slot { TO, OTP, REF, REF1, REF2, CALLBACK }

    static final int HAS_REF = 1;
    static final int HAS_REF1 = 2;
    static final int HAS_REF2 = 4;
    static final int HAS_CALLBACK_PROFILE = 8;
    static final int COMBINATIONS = 16;

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(SendRequest.class);

    /** Markers no constant part can contain: template names and language codes have no '<'. */
    private static final String TO = "<to>";
    private static final String OTP = "<otp>";
    private static final String REF = "<ref>";
    private static final String REF1 = "<ref1>";
    private static final String REF2 = "<ref2>";
    private static final String CALLBACK = "<callback_profile_id>";

    private final byte[][] constants;
    private final Slot[] slots;
    private final int constantLength;

    private PayloadShape(byte[][] constants, Slot[] slots) {
        this.constants = constants;
        this.slots = slots;
        this.constantLength = Arrays.stream(constants).mapToInt(part -> part.length).sum();
    }

    /** The shape for {@code spec} with the refs that {@code refs} (a sum of HAS_ flags) says are set. */
    static PayloadShape of(TemplateSpec spec, int refs) {
        SendRequest marked = SendRequest.of(spec, TO, OTP,
                (refs & HAS_REF) != 0 ? REF : null,
                (refs & HAS_REF1) != 0 ? REF1 : null,
                (refs & HAS_REF2) != 0 ? REF2 : null,
                (refs & HAS_CALLBACK_PROFILE) != 0 ? CALLBACK : null);
        String json;
        try {
            json = new String(WRITER.writeValueAsBytes(marked), StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the payload of " + spec, e);
        }
        List<byte[]> constants = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = Integer.MAX_VALUE;
            Slot slot = null;
            String marker = null;
            for (Slot candidate : Slot.values()) {
                String candidateMarker = marker(candidate);
                int at = json.indexOf(candidateMarker, from);
                if (at >= 0 && at < next) {
                    next = at;
                    slot = candidate;
                    marker = candidateMarker;
                }
            }
            if (slot == null) {
                constants.add(json.substring(from).getBytes(StandardCharsets.UTF_8));
                return new PayloadShape(constants.toArray(new byte[0][]), slots.toArray(new Slot[0]));
            }
            constants.add(json.substring(from, next).getBytes(StandardCharsets.UTF_8));
            slots.add(slot);
            from = next + marker.length();
        }
    }

    private static String marker(Slot slot) {
        switch (slot) {
            case TO: return TO;
            case OTP: return OTP;
            case REF: return REF;
            case REF1: return REF1;
            case REF2: return REF2;
            default: return CALLBACK;
        }
    }

    /**
     * The payload of {@code message}: the constant bytes with its values, JSON-escaped, in the holes.
     * {@code callbackProfileId} fills the callback hole of a shape that has one.
     */
    byte[] fill(AuthMessage message, @Nullable String callbackProfileId) {
        int length = constantLength;
        byte[][] escaped = null;
        for (int i = 0; i < slots.length; i++) {
            String value = value(slots[i], message, callbackProfileId);
            if (isPlainAscii(value)) {
                length += value.length();
            } else {
                if (escaped == null) {
                    escaped = new byte[slots.length][];
                }
                escaped[i] = JsonStringEncoder.getInstance().quoteAsUTF8(value);
                length += escaped[i].length;
            }
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < slots.length; i++) {
            System.arraycopy(constants[i], 0, out, at, constants[i].length);
            at += constants[i].length;
            if (escaped != null && escaped[i] != null) {
                System.arraycopy(escaped[i], 0, out, at, escaped[i].length);
                at += escaped[i].length;
            } else {
                String value = value(slots[i], message, callbackProfileId);
                copyAscii(value, out, at);
                at += value.length();
            }
        }
        byte[] last = constants[slots.length];
        System.arraycopy(last, 0, out, at, last.length);
        return out;
    }

    private static String value(Slot slot, AuthMessage message, @Nullable String callbackProfileId) {
        switch (slot) {
            case TO: return message.joinedRecipients();
            case OTP: return message.otp();
            case REF: return message.ref();
            case REF1: return message.ref1();
            case REF2: return message.ref2();
            default: return callbackProfileId;
        }
    }

    /**
     * String's char-to-byte copy is deprecated because it drops the high byte of each char; for the
     * printable ASCII {@link #isPlainAscii} lets through there is none, and it is a plain array copy
     * of the string's own bytes, which a loop over {@code charAt} is not.
     */
    @SuppressWarnings("deprecation")
    private static void copyAscii(String value, byte[] out, int at) {
        value.getBytes(0, value.length(), out, at);
    }

    /** Numbers and codes usually are: copied char for char, with nothing to escape. */
    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
