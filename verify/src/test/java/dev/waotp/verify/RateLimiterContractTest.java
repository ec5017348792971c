package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.StartResult.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link RateLimiter} keeps, as tests. Periods are an hour, so no bucket refills
 * while a test runs on a real clock; phone numbers and caller keys are new in each test.
 */
public abstract class RateLimiterContractTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int THREADS = 32;

    /** The limiter under test, new for each test. */
    protected RateLimiter limiter;
    private String caller;

    /** A limiter with no tokens taken yet, the application's bucket included (Redis: a fresh key prefix). */
    protected abstract RateLimiter newRateLimiter();

    @BeforeEach
    void createLimiter() {
        limiter = newRateLimiter();
        caller = "caller-" + ThreadLocalRandom.current().nextLong();
    }

    @Test
    void phoneLimitRefusesTheStartPastItsCountAndSaysWhenToRetry() {
        RateLimits limits = RateLimits.builder().perPhone(3, HOUR).build();
        String phone = phone();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(phone, caller, limits)).isEmpty();
        }

        Optional<RateLimited> refused = limiter.tryAcquire(phone, caller, limits);

        assertThat(refused).hasValueSatisfying(r -> {
            assertThat(r.limit()).isEqualTo(RateLimit.PHONE);
            assertThat(r.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR.dividedBy(3));
        });
    }

    @Test
    void callerLimitCountsStartsForAnyPhone() {
        RateLimits limits = RateLimits.builder().perCaller(2, HOUR).build();

        assertThat(limiter.tryAcquire(phone(), caller, limits)).isEmpty();
        assertThat(limiter.tryAcquire(phone(), caller, limits)).isEmpty();

        assertThat(limiter.tryAcquire(phone(), caller, limits)).map(RateLimited::limit).hasValue(RateLimit.CALLER);
        assertThat(limiter.tryAcquire(phone(), caller + "-other", limits)).isEmpty();
    }

    @Test
    void applicationLimitCountsEveryStart() {
        RateLimits limits = RateLimits.builder().perApplication(2, HOUR).build();

        assertThat(limiter.tryAcquire(phone(), caller + 1, limits)).isEmpty();
        assertThat(limiter.tryAcquire(phone(), caller + 2, limits)).isEmpty();

        assertThat(limiter.tryAcquire(phone(), caller + 3, limits))
                .map(RateLimited::limit).hasValue(RateLimit.APPLICATION);
    }

    @Test
    void refusedStartGivesBackTheTokensItTookFromOtherBuckets() {
        RateLimits limits = RateLimits.builder().perCaller(2, HOUR).perPhone(1, HOUR).build();
        String phone = phone();
        limiter.tryAcquire(phone, caller, limits);

        assertThat(limiter.tryAcquire(phone, caller, limits)).map(RateLimited::limit).hasValue(RateLimit.PHONE);
        assertThat(limiter.tryAcquire(phone(), caller, limits)).as("the caller's token came back").isEmpty();
        assertThat(limiter.tryAcquire(phone(), caller, limits)).map(RateLimited::limit).hasValue(RateLimit.CALLER);
    }

    @Test
    void oneExhaustedPhoneLeavesOtherPhonesAlone() {
        RateLimits limits = RateLimits.builder().perPhone(1, HOUR).build();
        String phone = phone();
        limiter.tryAcquire(phone, caller, limits);

        assertThat(limiter.tryAcquire(phone, caller, limits)).isPresent();
        assertThat(limiter.tryAcquire(phone(), caller, limits)).isEmpty();
    }

    @Test
    void withoutLimitsEveryStartIsAllowed() {
        String phone = phone();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire(phone, caller, RateLimits.none())).isEmpty();
        }
    }

    @Test
    void concurrentStartsGetNoMoreTokensThanTheBucketHolds() throws Exception {
        RateLimits limits = RateLimits.builder().perPhone(5, HOUR).build();
        String phone = phone();
        int[] next = {0};

        List<Optional<RateLimited>> answers = Concurrently.run(THREADS, () -> {
            String callerKey;
            synchronized (next) {
                callerKey = caller + next[0]++;
            }
            return limiter.tryAcquire(phone, callerKey, limits);
        });

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(5);
        assertThat(answers).filteredOn(Optional::isPresent)
                .allSatisfy(refused -> assertThat(refused.get().limit()).isEqualTo(RateLimit.PHONE));
    }

    /** A phone number no other test uses. */
    protected static String phone() {
        return "+9197" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }
}
