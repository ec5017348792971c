package dev.waotp.verify;

import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.verify.tck.StubPhone;
import static dev.waotp.verify.tck.StubPhone.PHONE;
import static dev.waotp.verify.VerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input and bad settings get an error naming the field and the rule, before anything is sent or stored. */
class VerifierInputTest {
    private final StubPhone phone = new StubPhone();
    private final Verifier verifier = Verifier.builder().sender(phone.sender()).secret(SECRET).build();

    @AfterEach
    void closeStub() {
        phone.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "919876543210", "+0919876543210", "+9198765", "+9198765432101234", "+91 98765 43210"})
    void startRefusesAPhoneThatIsNotE164AndSendsNothing(String bad) {
        assertThatThrownBy(() -> verifier.start(bad, "caller"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"))
                .hasMessage("phone: must be E.164: '+' then 8 to 15 digits, the first not 0");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void shortestAndLongestE164NumbersAreAccepted() {
        assertThat(verifier.start("+91987654", "caller")).isInstanceOf(StartResult.Sent.class);
        assertThat(verifier.start("+919876543210123", "caller")).isInstanceOf(StartResult.Sent.class);
    }

    @Test
    void missingOrOversizedValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> verifier.start(null, "caller")).hasMessage("phone: is required");
        assertThatThrownBy(() -> verifier.start(PHONE, null)).hasMessage("callerKey: is required");
        assertThatThrownBy(() -> verifier.start(PHONE, "k".repeat(256)))
                .hasMessage("callerKey: must be at most 255 characters, was 256");
        assertThatThrownBy(() -> verifier.check(PHONE, null)).hasMessage("code: is required");
        assertThatThrownBy(() -> verifier.check("12345", "123456")).hasMessageStartingWith("phone: must be E.164");
        assertThatThrownBy(() -> verifier.check(PHONE, "123456", null)).hasMessage("callerKey: is required");
        assertThatThrownBy(() -> verifier.check(PHONE, "123456", "k".repeat(256)))
                .hasMessage("callerKey: must be at most 255 characters, was 256");
        assertThatThrownBy(() -> verifier.check(PHONE, null, "caller")).hasMessage("code: is required");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void builderNeedsASenderAndASecretOfAtLeast32Bytes() {
        assertThatThrownBy(() -> Verifier.builder().secret(SECRET).build()).hasMessage("sender: is required");
        assertThatThrownBy(() -> Verifier.builder().sender(phone.sender()).build())
                .hasMessage("secret: is required (at least 32 bytes)");
        assertThatThrownBy(() -> Verifier.builder().secret(Arrays.copyOf(SECRET, 16)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret: must be at least 32 bytes, was 16 bytes");
    }

    @Test
    void builderRefusesSettingsOutsideTheirRules() {
        Verifier.Builder builder = Verifier.builder();

        assertThatThrownBy(() -> builder.codeLength(11)).hasMessage("codeLength: must be 4 to 10 characters, was 11");
        assertThatThrownBy(() -> builder.lifetime(Duration.ZERO)).hasMessage("lifetime: must be positive, was PT0S");
        assertThatThrownBy(() -> builder.resendAfter(Duration.ofSeconds(-1)))
                .hasMessage("resendAfter: must not be negative, was PT-1S");
        assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessage("maxAttempts: must be at least 1, was 0");
        assertThatThrownBy(() -> builder.maxSends(0)).hasMessage("maxSends: must be at least 1, was 0");
        assertThatThrownBy(() -> builder.storeTimeout(Duration.ZERO)).hasMessage("storeTimeout: must be positive, was PT0S");
        assertThatThrownBy(() -> RateLimits.builder().perPhone(0, Duration.ofHours(1)))
                .hasMessage("count: must be at least 1, was 0");
    }

    /** Without the tag in ref2 no delivery is heard, so every code, delivered or not, would also go by SMS. */
    @Test
    void builderRefusesANoDeliveryWaitWithoutDeliveryTracking() {
        SmsFallback waiting = SmsFallback.builder(phone.smsSender()).allowRegions("IN")
                .noDeliveryAfter(Duration.ofMinutes(1)).build();

        assertThatThrownBy(() -> Verifier.builder().sender(phone.sender()).secret(SECRET).smsFallback(waiting).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("noDeliveryAfter"))
                .hasMessageStartingWith("noDeliveryAfter: needs a trackedSender: ")
                .hasMessageContaining("every code would also go by SMS");
        assertThatThrownBy(() -> Verifier.builder().trackedSender(phone.trackedSender()).sender(phone.sender())
                .secret(SECRET).smsFallback(waiting).build()).as("the last sender set counts")
                .hasMessageStartingWith("noDeliveryAfter: needs a trackedSender");
        assertThat(Verifier.builder().sender(phone.sender()).trackedSender(phone.trackedSender()).secret(SECRET)
                .smsFallback(waiting).build().purpose()).isEqualTo(Verifier.DEFAULT_PURPOSE);
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void builderRefusesANoDeliveryWaitThatOutlivesTheCode() {
        SmsFallback waiting = SmsFallback.builder(phone.smsSender()).allowRegions("IN")
                .noDeliveryAfter(Duration.ofMinutes(2)).build();

        assertThatThrownBy(() -> Verifier.builder().trackedSender(phone.trackedSender()).secret(SECRET)
                .lifetime(Duration.ofMinutes(2)).smsFallback(waiting).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("noDeliveryAfter"))
                .hasMessage("noDeliveryAfter: must be shorter than the lifetime (PT2M), was PT2M: the code expires"
                        + " before the wait ends, so no SMS would ever go");
    }

    @Test
    void builderLeavesEarlierVerifiersAsTheyWere() {
        Verifier.Builder builder = Verifier.builder().sender(phone.sender()).secret(SECRET);
        Verifier first = builder.build();
        builder.lifetime(Duration.ofMinutes(1));

        assertThat(first.toString()).contains("lifetime=PT10M");
        assertThat(builder.build().toString()).contains("lifetime=PT1M");
    }
}
