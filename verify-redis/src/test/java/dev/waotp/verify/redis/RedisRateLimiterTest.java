package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.Concurrently;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimiter;
import dev.waotp.verify.RateLimiterContractTest;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult.RateLimited;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate limiter contract against a real standalone Redis, each test with its own key prefix; and the limit held
 * by two application instances (two limiters, each on its own Redis client) taking tokens at the same moment.
 */
class RedisRateLimiterTest extends RateLimiterContractTest {
    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final int THREADS = 32;
    private static final int PER_PHONE = 5;

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @AfterEach
    void closeLimiter() {
        ((RedisRateLimiter) limiter).close();
    }

    @Override
    protected RateLimiter newRateLimiter() {
        return RedisRateLimiter.builder(REDIS.client()).keyPrefix(newKeyPrefix()).build();
    }

    @Test
    void concurrentStartsOverTwoInstancesGetExactlyThePhonesLimit() throws Exception {
        RateLimits limits = RateLimits.builder().perPhone(PER_PHONE, Duration.ofHours(1))
                .without(RateLimit.CALLER).without(RateLimit.APPLICATION).build();
        String prefix = newKeyPrefix();
        String phone = phone();
        try (RedisRateLimiter one = RedisRateLimiter.builder(REDIS.newClient()).keyPrefix(prefix).build();
                RedisRateLimiter other = RedisRateLimiter.builder(REDIS.newClient()).keyPrefix(prefix).build()) {
            AtomicInteger next = new AtomicInteger();

            List<Optional<RateLimited>> answers = Concurrently.run(THREADS,
                    () -> (next.getAndIncrement() % 2 == 0 ? one : other).tryAcquire(phone, "caller", limits));

            assertThat(answers).filteredOn(Optional::isEmpty).hasSize(PER_PHONE);
            assertThat(answers).filteredOn(Optional::isPresent).hasSize(THREADS - PER_PHONE)
                    .allSatisfy(refused -> assertThat(refused.get().limit()).isEqualTo(RateLimit.PHONE));
            assertThat(other.tryAcquire(phone, "caller", limits)).as("the bucket stays empty").isPresent();
        }
    }

    private static String newKeyPrefix() {
        return "test" + TESTS.incrementAndGet() + ":";
    }
}
