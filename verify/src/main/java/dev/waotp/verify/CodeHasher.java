package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a code under the application's secret, the only form a store sees. A plain hash of
 * a 6-digit code is reversed by trying the million codes; without the secret an HMAC is not. The
 * phone number is part of the input, so one code gives different HMACs for different phones.
 */
final class CodeHasher {
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CodeHasher(byte[] secret) {
        this.key = new SecretKeySpec(checkSecret(secret), ALGORITHM);
    }

    /** Never echoes the secret: only its length is named. */
    static byte[] checkSecret(byte[] secret) {
        if (secret == null) {
            throw new InvalidInputException("secret", "is required");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new InvalidInputException("secret",
                    "must be at least " + MIN_SECRET_BYTES + " bytes, was " + secret.length + " bytes");
        }
        return secret.clone();
    }

    byte[] hmac(String phone, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(phone.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "CodeHasher{HmacSHA256}";
    }
}
