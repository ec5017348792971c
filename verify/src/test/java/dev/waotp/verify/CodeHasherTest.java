package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Codes are kept as HMAC-SHA256 under a secret of at least 32 bytes, bound to the phone number. */
class CodeHasherTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void secretShorterThan32BytesIsRefusedNamingTheFieldButNotTheValue() {
        byte[] short31 = Arrays.copyOf(SECRET, 31);

        assertThatThrownBy(() -> new CodeHasher(short31))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret: must be at least 32 bytes, was 31 bytes");
        assertThatThrownBy(() -> new CodeHasher(null)).hasMessage("secret: is required");
    }

    @Test
    void hmacIsSha256SizedAndStable() {
        CodeHasher hasher = new CodeHasher(SECRET);

        assertThat(hasher.hmac("+919876543210", "482913")).hasSize(32)
                .isEqualTo(hasher.hmac("+919876543210", "482913"));
    }

    @Test
    void hmacDependsOnTheCodeThePhoneAndTheSecret() {
        CodeHasher hasher = new CodeHasher(SECRET);
        byte[] hmac = hasher.hmac("+919876543210", "482913");
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;

        assertThat(hasher.hmac("+919876543210", "482914")).isNotEqualTo(hmac);
        assertThat(hasher.hmac("+919876543211", "482913")).isNotEqualTo(hmac);
        assertThat(new CodeHasher(otherSecret).hmac("+919876543210", "482913")).isNotEqualTo(hmac);
    }

    @Test
    void phoneAndCodeCannotBeShiftedIntoEachOther() {
        CodeHasher hasher = new CodeHasher(SECRET);

        assertThat(hasher.hmac("+9198765432101", "23456")).isNotEqualTo(hasher.hmac("+919876543210", "123456"));
    }

    @Test
    void hmacIsNotAnUnkeyedHashOfTheCode() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("482913".getBytes(StandardCharsets.UTF_8));

        assertThat(new CodeHasher(SECRET).hmac("+919876543210", "482913")).isNotEqualTo(sha256);
    }

    @Test
    void laterChangesToTheCallersArrayDoNotChangeTheKey() {
        byte[] secret = SECRET.clone();
        CodeHasher hasher = new CodeHasher(secret);
        byte[] before = hasher.hmac("+919876543210", "482913");
        Arrays.fill(secret, (byte) 0);

        assertThat(hasher.hmac("+919876543210", "482913")).isEqualTo(before);
    }
}
