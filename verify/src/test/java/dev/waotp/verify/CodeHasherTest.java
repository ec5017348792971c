package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes are kept as HMAC-SHA256 under a secret of at least 32 bytes, bound to the phone number. */
class CodeHasherTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void secretShorterThan32BytesIsRefusedNamingTheFieldButNotTheValue() {
        byte[] short31 = Arrays.copyOf(SECRET, 31);

        assertThatThrownBy(() -> CodeHasher.checkSecret("secret", short31))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret: must be at least 32 bytes, was 31 bytes");
        assertThatThrownBy(() -> CodeHasher.checkSecret("secret", null)).hasMessage("secret: is required");
    }

    @Test
    void hmacIsSha256SizedAndStable() {
        CodeHasher hasher = hasher(SECRET);

        assertThat(hasher.hmac("login", "+919876543210", "482913")).hasSize(32)
                .isEqualTo(hasher.hmac("login", "+919876543210", "482913"));
    }

    @Test
    void hmacDependsOnTheCodeThePhoneAndTheSecret() {
        CodeHasher hasher = hasher(SECRET);
        byte[] hmac = hasher.hmac("login", "+919876543210", "482913");
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;

        assertThat(hasher.hmac("login", "+919876543210", "482914")).isNotEqualTo(hmac);
        assertThat(hasher.hmac("login", "+919876543211", "482913")).isNotEqualTo(hmac);
        assertThat(hasher(otherSecret).hmac("login", "+919876543210", "482913")).isNotEqualTo(hmac);
    }

    @Test
    void phoneAndCodeCannotBeShiftedIntoEachOther() {
        CodeHasher hasher = hasher(SECRET);

        assertThat(hasher.hmac("login", "+9198765432101", "23456")).isNotEqualTo(hasher.hmac("login", "+919876543210", "123456"));
    }

    @Test
    void hmacDependsOnThePurpose() {
        CodeHasher hasher = hasher(SECRET);

        assertThat(hasher.hmac("payment", "+919876543210", "482913"))
                .isNotEqualTo(hasher.hmac("login", "+919876543210", "482913"));
    }

    @Test
    void candidatesAreOnePerSecretTheCurrentFirst() {
        byte[] previous = SECRET.clone();
        previous[0] ^= 1;
        CodeHasher rotated = new CodeHasher(List.of(SECRET, previous));

        assertThat(rotated.candidates("login", "+919876543210", "482913")).containsExactly(
                hasher(SECRET).hmac("login", "+919876543210", "482913"),
                hasher(previous).hmac("login", "+919876543210", "482913"));
        assertThat(rotated.hmac("login", "+919876543210", "482913"))
                .isEqualTo(hasher(SECRET).hmac("login", "+919876543210", "482913"));
    }

    @Test
    void hmacIsNotAnUnkeyedHashOfTheCode() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("482913".getBytes(StandardCharsets.UTF_8));

        assertThat(hasher(SECRET).hmac("login", "+919876543210", "482913")).isNotEqualTo(sha256);
    }

    @Test
    void laterChangesToTheCallersArrayDoNotChangeTheKey() {
        byte[] secret = SECRET.clone();
        CodeHasher hasher = new CodeHasher(List.of(CodeHasher.checkSecret("secret", secret)));
        byte[] before = hasher.hmac("login", "+919876543210", "482913");
        Arrays.fill(secret, (byte) 0);

        assertThat(hasher.hmac("login", "+919876543210", "482913")).isEqualTo(before);
    }

    private static CodeHasher hasher(byte[] secret) {
        return new CodeHasher(List.of(secret));
    }
}
