package dev.waotp.verify.spi;

import java.util.Objects;

/**
 * Whose verification a store call is about: a phone number within a purpose. Verifications of one
 * phone for different purposes (a login, a payment) are separate entries that share nothing, so a code
 * started for one purpose is never approved for another.
 *
 * @param purpose the verifier's purpose, already checked: 1 to 32 of {@code a-z 0-9 _ -}
 * @param phone the phone number, already checked to be E.164
 */
public record VerificationKey(String purpose, String phone) {
    /** Checks that neither part is null. */
    public VerificationKey {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(phone, "phone");
    }

    /** The phone number is not personal data to hide from code, but keep it out of logs anyway. */
    @Override
    public String toString() {
        return "VerificationKey[purpose=" + purpose + ", phone=…" + phone.substring(Math.max(0, phone.length() - 4)) + "]";
    }
}
