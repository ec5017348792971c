package dev.waotp.verify;

import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.verify.tck.StubPhone;
import static dev.waotp.verify.tck.StubPhone.PHONE;
import static dev.waotp.verify.VerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.KaleyraException;
import dev.waotp.LowBalanceException;
import dev.waotp.testing.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits refuse before anything is sent; a failed send reaches the caller and blocks nothing. */
class VerifierLimitsTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private final StubPhone phone = new StubPhone();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    private Verifier verifier(RateLimits limits) {
        return Verifier.builder().sender(phone.sender()).secret(SECRET).clock(clock).rateLimits(limits).build();
    }

    @AfterEach
    void closeStub() {
        phone.close();
    }

    @Test
    void startPastThePhoneLimitIsRefusedAndTheStubReceivesNothingForIt() {
        Verifier verifier = verifier(RateLimits.builder().perPhone(2, HOUR).build());
        verifier.start(PHONE, "caller");
        clock.advance(Duration.ofSeconds(30));
        verifier.start(PHONE, "caller");
        clock.advance(Duration.ofSeconds(30));

        StartResult refused = verifier.start(PHONE, "caller");

        assertThat(refused).isEqualTo(new StartResult.RateLimited(RateLimit.PHONE, Duration.ofMinutes(29)));
        assertThat(phone.stub().requestCount()).isEqualTo(2);
    }

    @Test
    void startPastTheCallerLimitIsRefusedWhateverThePhone() {
        Verifier verifier = verifier(RateLimits.builder().perCaller(2, HOUR).build());
        verifier.start("+919800000001", "198.51.100.9");
        verifier.start("+919800000002", "198.51.100.9");

        assertThat(verifier.start("+919800000003", "198.51.100.9"))
                .isInstanceOfSatisfying(StartResult.RateLimited.class, r -> assertThat(r.limit()).isEqualTo(RateLimit.CALLER));
        assertThat(verifier.start("+919800000003", "198.51.100.10")).isInstanceOf(StartResult.Sent.class);
        assertThat(phone.stub().requestCount()).isEqualTo(3);
    }

    @Test
    void startPastTheApplicationCapIsRefusedForEveryone() {
        Verifier verifier = verifier(RateLimits.builder().perApplication(3, HOUR).build());
        for (int i = 1; i <= 3; i++) {
            verifier.start("+91980000000" + i, "caller-" + i);
        }

        assertThat(verifier.start("+919800000009", "caller-9"))
                .isInstanceOfSatisfying(StartResult.RateLimited.class,
                        r -> assertThat(r.limit()).isEqualTo(RateLimit.APPLICATION));
        assertThat(phone.stub().requestCount()).isEqualTo(3);
    }

    /**
     * One client guessing across many numbers: past its check limit it is refused before the store, so its
     * guesses cost the phone's code no attempt, and the owner of the phone still has all of them.
     */
    @Test
    void checksPastTheCallerCheckLimitAreRefusedAndCostThePhoneNoAttempt() {
        Verifier verifier = verifier(RateLimits.builder().perCallerChecks(2, HOUR).build());
        verifier.start(PHONE, "owner");
        String right = phone.lastCode();
        verifier.check("+919800000001", "000000", "198.51.100.9");
        verifier.check("+919800000002", "000000", "198.51.100.9");

        assertThat(verifier.check(PHONE, wrong(right), "198.51.100.9"))
                .isEqualTo(new CheckResult.RateLimited(RateLimit.CALLER_CHECKS, Duration.ofMinutes(30)));
        assertThat(verifier.check(PHONE, wrong(right), "owner")).isEqualTo(new CheckResult.WrongCode(4));
        assertThat(verifier.check(PHONE, right, "owner")).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void theDefaultCallerCheckLimitIsFiftyAnHour() {
        Verifier verifier = verifier(RateLimits.defaults());
        for (int i = 0; i < 50; i++) {
            assertThat(verifier.check("+9198000" + (10_000 + i), "000000", "198.51.100.9"))
                    .isEqualTo(new CheckResult.NotPending());
        }

        assertThat(verifier.check("+919800099999", "000000", "198.51.100.9"))
                .isInstanceOfSatisfying(CheckResult.RateLimited.class,
                        r -> assertThat(r.limit()).isEqualTo(RateLimit.CALLER_CHECKS));
        assertThat(verifier.check("+919800099999", "000000")).as("no caller key, no caller limit")
                .isEqualTo(new CheckResult.NotPending());
    }

    private static String wrong(String code) {
        return code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
    }

    @Test
    void failedSendReachesTheCallerAndTheNextStartIsNotTooSoon() {
        Verifier verifier = verifier(RateLimits.defaults());
        phone.stub().failNext(1, Fault.lowBalance());

        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(LowBalanceException.class);

        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void failedSendStillCountsAgainstTheRateLimits() {
        Verifier verifier = verifier(RateLimits.builder().perPhone(2, HOUR).build());
        phone.stub().failNext(1, Fault.lowBalance());
        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(KaleyraException.class);
        verifier.start(PHONE, "caller");
        clock.advance(Duration.ofSeconds(30));

        assertThat(verifier.start(PHONE, "caller"))
                .isInstanceOfSatisfying(StartResult.RateLimited.class, r -> assertThat(r.limit()).isEqualTo(RateLimit.PHONE));
    }

    @Test
    void failedSendIsToldToTheListenerNotAsAnOutcome() {
        List<Object> heard = new ArrayList<>();
        Verifier verifier = Verifier.builder().sender(phone.sender()).secret(SECRET).clock(clock)
                .listener(new VerificationListener() {
                    @Override
                    public void started(StartResult result) {
                        heard.add(result);
                    }

                    @Override
                    public void startFailed(RuntimeException error) {
                        heard.add(error);
                    }
                }).build();
        phone.stub().failNext(1, Fault.lowBalance());

        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(LowBalanceException.class);
        assertThat(heard).singleElement().isInstanceOf(LowBalanceException.class);
    }

    @Test
    void refusedStartIsToldToTheListener() {
        List<StartResult> heard = new ArrayList<>();
        Verifier verifier = Verifier.builder().sender(phone.sender()).secret(SECRET).clock(clock)
                .rateLimits(RateLimits.builder().perPhone(1, HOUR).build())
                .listener(new VerificationListener() {
                    @Override
                    public void started(StartResult result) {
                        heard.add(result);
                    }
                }).build();
        verifier.start(PHONE, "caller");

        StartResult refused = verifier.start(PHONE, "caller");

        assertThat(heard).hasSize(2).last().isEqualTo(refused);
    }
}
