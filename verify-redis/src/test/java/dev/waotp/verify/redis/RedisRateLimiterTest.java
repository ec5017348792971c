package dev.waotp.verify.redis;

import dev.waotp.verify.RateLimiter;
import dev.waotp.verify.RateLimiterContractTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rate limiter contract against a real standalone Redis; each test has its own key prefix. */
class RedisRateLimiterTest extends RateLimiterContractTest {
    private static final AtomicInteger TESTS = new AtomicInteger();

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @AfterEach
    void closeLimiter() {
        ((RedisRateLimiter) limiter).close();
    }

    @Override
    protected RateLimiter newRateLimiter() {
        return RedisRateLimiter.builder(REDIS.client()).keyPrefix("test" + TESTS.incrementAndGet() + ":").build();
    }
}
