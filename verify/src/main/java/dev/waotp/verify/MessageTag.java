package dev.waotp.verify;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's tag for one send, carried in {@code ref2} and echoed in Kaleyra's callbacks:
 * {@code waotp.<purpose>.<phone>.<nonce>}. The purpose and the phone say which pending code a callback is
 * about (a {@code not-sent} callback has no recipient); the 128-bit nonce makes each send's tag unique and
 * unguessable, so a forged callback cannot name a pending code it has not seen.
 */
record MessageTag(String purpose, String phone, String value) {
    private static final String PREFIX = "waotp.";

    static MessageTag create(String purpose, String phone, SecureRandom random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String value = PREFIX + purpose + "." + phone + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new MessageTag(purpose, phone, value);
    }

    /** The tag in {@code ref2}, when it is one of ours. */
    static Optional<MessageTag> parse(@Nullable String ref2) {
        if (ref2 == null || !ref2.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = ref2.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("+") || parts[2].length() != 22) {
            return Optional.empty();
        }
        return Optional.of(new MessageTag(parts[0], parts[1], ref2));
    }

    /** Never the nonce. */
    @Override
    public String toString() {
        return "MessageTag[purpose=" + purpose + "]";
    }
}
