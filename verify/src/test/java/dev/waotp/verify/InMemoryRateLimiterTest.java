package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.StartResult.RateLimited;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract suite on the in-memory limiter, plus refill and bounds on a clock the test moves. */
class InMemoryRateLimiterTest extends RateLimiterContractTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    protected RateLimiter newRateLimiter() {
        return new InMemoryRateLimiter(clock, 1000);
    }

    @Test
    void bucketRefillsEvenlyOverItsPeriod() {
        RateLimits limits = RateLimits.builder().perPhone(4, Duration.ofHours(1)).build();
        String phone = phone();
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(phone, "caller", limits);
        }

        assertThat(limiter.tryAcquire(phone, "caller", limits))
                .map(RateLimited::retryAfter).hasValue(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.tryAcquire(phone, "caller", limits)).isEmpty();
        assertThat(limiter.tryAcquire(phone, "caller", limits)).isPresent();
    }

    @Test
    void manyCallersCannotResetTheApplicationCapByCrowdingOutItsBucket() {
        RateLimiter small = new InMemoryRateLimiter(clock, 10);
        RateLimits limits = RateLimits.builder().perApplication(50, Duration.ofHours(1)).build();
        for (int i = 0; i < 50; i++) {
            assertThat(small.tryAcquire(phone(), "caller-" + i, limits)).isEmpty();
        }

        assertThat(small.tryAcquire(phone(), "caller-new", limits))
                .map(RateLimited::limit).hasValue(RateLimit.APPLICATION);
    }

    @Test
    void changedLimitsStartFreshBuckets() {
        String phone = phone();
        limiter.tryAcquire(phone, "caller", RateLimits.builder().perPhone(1, Duration.ofHours(1)).build());

        assertThat(limiter.tryAcquire(phone, "caller", RateLimits.builder().perPhone(2, Duration.ofHours(1)).build()))
                .isEmpty();
    }
}
