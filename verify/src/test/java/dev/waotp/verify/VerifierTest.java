package dev.waotp.verify;

import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.verify.tck.StubPhone;
import static dev.waotp.verify.tck.StubPhone.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole login through the real send path: the verifier sends a code through a KaleyraClient to
 * the stub, the test reads the code the stub received and checks it; time is a clock the test moves.
 */
class VerifierTest {
    static final byte[] SECRET = "a-test-secret-of-32-bytes-or-more!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final StubPhone phone = new StubPhone();
    private final MutableClock clock = new MutableClock(T0);

    private Verifier.Builder builder() {
        return Verifier.builder().sender(phone.sender()).secret(SECRET).clock(clock);
    }

    @AfterEach
    void closeStub() {
        phone.close();
    }

    @Test
    void startSendsASixDigitCodeAndCheckingItApprovesOnce() {
        Verifier verifier = builder().build();

        StartResult started = verifier.start(PHONE, "203.0.113.7");

        assertThat(started).isInstanceOfSatisfying(StartResult.Sent.class, sent -> {
            assertThat(sent.sendResult().messageId()).isEqualTo(phone.received().get(0).messageId());
            assertThat(sent.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(sent.resendAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(sent.sendsLeft()).isEqualTo(4);
        });
        assertThat(phone.received()).singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly(PHONE));
        assertThat(phone.lastCode()).matches("[0-9]{6}");
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.NotPending());
    }

    @Test
    void wrongCodesCountDownThenTheCodeIsDeadEvenWhenRight() {
        Verifier verifier = builder().maxAttempts(3).build();
        verifier.start(PHONE, "caller");
        String wrong = "0000"; // a six-digit code is never these four

        assertThat(verifier.check(PHONE, wrong)).isEqualTo(new CheckResult.WrongCode(2));
        assertThat(verifier.check(PHONE, wrong)).isEqualTo(new CheckResult.WrongCode(1));
        assertThat(verifier.check(PHONE, wrong)).isEqualTo(new CheckResult.WrongCode(0));
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.TooManyAttempts());
    }

    @Test
    void codeExpiresAfterItsLifetimeOnTheVerifiersClock() {
        Verifier verifier = builder().lifetime(Duration.ofMinutes(5)).build();
        verifier.start(PHONE, "caller");

        clock.advance(Duration.ofMinutes(5));

        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Expired());
    }

    @Test
    void codeWorksUntilJustBeforeItsLifetimeEnds() {
        Verifier verifier = builder().build();
        verifier.start(PHONE, "caller");

        clock.advance(Duration.ofMinutes(10).minusMillis(1));

        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void resendSoonerThanResendAfterSendsNothingAndLaterReplacesTheCode() {
        Verifier verifier = builder().build();
        verifier.start(PHONE, "caller");
        String first = phone.lastCode();
        clock.advance(Duration.ofSeconds(10));

        assertThat(verifier.start(PHONE, "caller")).isEqualTo(new StartResult.TooSoon(Duration.ofSeconds(20)));
        assertThat(phone.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(20));
        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
        String second = phone.lastCode();
        if (!second.equals(first)) { // one time in a million the new code is the same
            assertThat(verifier.check(PHONE, first)).isInstanceOf(CheckResult.WrongCode.class);
        }
        assertThat(verifier.check(PHONE, second)).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void afterMaxSendsTheNextStartWaitsForTheVerificationToExpire() {
        Verifier verifier = builder().maxSends(2).build();
        verifier.start(PHONE, "caller");
        clock.advance(Duration.ofSeconds(30));

        StartResult last = verifier.start(PHONE, "caller");
        clock.advance(Duration.ofSeconds(30));

        assertThat(last).isInstanceOfSatisfying(StartResult.Sent.class, sent -> {
            assertThat(sent.sendsLeft()).isZero();
            assertThat(sent.resendAfter()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(verifier.start(PHONE, "caller"))
                .isEqualTo(new StartResult.TooSoon(Duration.ofMinutes(10).minusSeconds(30)));
        assertThat(phone.received()).hasSize(2);
    }

    @Test
    void concurrentChecksOfTheRightCodeThroughTheVerifierApproveOnce() throws Exception {
        Verifier verifier = builder().build();
        verifier.start(PHONE, "caller");
        String code = phone.lastCode();

        List<CheckResult> results = Concurrently.run(32, () -> verifier.check(PHONE, code));

        assertThat(results).filteredOn(CheckResult.Approved.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CheckResult.NotPending.class::isInstance).hasSize(31);
    }

    @Test
    void concurrentWrongGuessesThroughTheVerifierAreCountedNoMoreThanMaxAttempts() throws Exception {
        Verifier verifier = builder().build();
        verifier.start(PHONE, "caller");

        List<CheckResult> results = Concurrently.run(32, () -> verifier.check(PHONE, "0000"));

        assertThat(results).filteredOn(CheckResult.WrongCode.class::isInstance).hasSize(5);
        assertThat(results).filteredOn(CheckResult.TooManyAttempts.class::isInstance).hasSize(27);
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.TooManyAttempts());
    }

    @Test
    void alphanumericCodesAreCheckedIgnoringCase() {
        Verifier verifier = builder().alphabet(CodeAlphabet.ALPHANUMERIC).codeLength(8).build();
        verifier.start(PHONE, "caller");

        assertThat(phone.lastCode()).matches("[0-9A-Z]{8}");
        assertThat(verifier.check(PHONE, phone.lastCode().toLowerCase())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void twoVerifiersSharingAStoreAndSecretServeOneLogin() {
        InMemoryVerificationStore shared = new InMemoryVerificationStore();
        Verifier one = builder().store(shared).build();
        Verifier other = builder().store(shared).build();

        one.start(PHONE, "caller");

        assertThat(other.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void aVerifierWithAnotherSecretCannotApproveTheCode() {
        InMemoryVerificationStore shared = new InMemoryVerificationStore();
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        builder().store(shared).build().start(PHONE, "caller");

        assertThat(builder().store(shared).secret(otherSecret).build().check(PHONE, phone.lastCode()))
                .isEqualTo(new CheckResult.WrongCode(4));
    }

    @Test
    void listenerHearsEachOutcomeOnce() {
        List<Object> heard = new ArrayList<>();
        Verifier verifier = builder().listener(new VerificationListener() {
            @Override
            public void started(StartResult result) {
                heard.add(result);
            }

            @Override
            public void checked(CheckResult result) {
                heard.add(result);
            }
        }).build();

        StartResult sent = verifier.start(PHONE, "caller");
        StartResult tooSoon = verifier.start(PHONE, "caller");
        verifier.check(PHONE, phone.lastCode());

        assertThat(heard).containsExactly(sent, tooSoon, new CheckResult.Approved());
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheOutcome() {
        Verifier verifier = builder().listener(new VerificationListener() {
            @Override
            public void checked(CheckResult result) {
                throw new IllegalStateException("listener broke");
            }
        }).build();
        verifier.start(PHONE, "caller");

        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }
}
