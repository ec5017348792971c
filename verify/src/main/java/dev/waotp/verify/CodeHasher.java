package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a code under the application's secret, the only form a store sees. A plain hash of
 * a 6-digit code is reversed by trying the million codes; without the secret an HMAC is not. The
 * purpose and the phone number are part of the input, so one code gives different HMACs for different
 * phones and purposes.
 *
 * <p>New codes are made under the current secret; a check also tries the previous secrets, so a secret
 * can be rotated without voiding the codes pending at that moment.
 */
final class CodeHasher {
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** {@code secrets}: the current one first, then the previous ones; each already checked. */
    CodeHasher(List<byte[]> secrets) {
        List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
        for (byte[] secret : secrets) {
            keys.add(new SecretKeySpec(secret, ALGORITHM));
        }
        this.keys = List.copyOf(keys);
    }

    /** Never echoes the secret: only its length is named. */
    static byte[] checkSecret(String field, byte[] secret) {
        if (secret == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new InvalidInputException(field,
                    "must be at least " + MIN_SECRET_BYTES + " bytes, was " + secret.length + " bytes");
        }
        return secret.clone();
    }

    /** The HMAC a new code is stored as: under the current secret. */
    byte[] hmac(String purpose, String phone, String code) {
        return hmac(keys.get(0), purpose, phone, code);
    }

    /** The HMACs a typed code may be stored as: one per secret, the current one first. */
    List<byte[]> candidates(String purpose, String phone, String code) {
        List<byte[]> candidates = new ArrayList<>(keys.size());
        for (SecretKeySpec key : keys) {
            candidates.add(hmac(key, purpose, phone, code));
        }
        return candidates;
    }

    private static byte[] hmac(SecretKeySpec key, String purpose, String phone, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Zero bytes between the parts, which none of them can contain, so no two inputs run together.
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(phone.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "CodeHasher{HmacSHA256, secrets=" + keys.size() + "}";
    }
}
