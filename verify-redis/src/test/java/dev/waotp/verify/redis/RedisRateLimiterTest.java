package dev.waotp.verify.redis;

import dev.waotp.verify.RateLimiter;
import dev.waotp.verify.RateLimiterContractTest;
import io.lettuce.core.RedisClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The rate limiter contract against a real standalone Redis; each test has its own key prefix. */
class RedisRateLimiterTest extends RateLimiterContractTest {
    private static final AtomicInteger TESTS = new AtomicInteger();

    private static RedisTestServer redis;
    private static RedisClient client;

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.start();
        client = redis.newClient();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void closeLimiter() {
        ((RedisRateLimiter) limiter).close();
    }

    @Override
    protected RateLimiter newRateLimiter() {
        return RedisRateLimiter.builder(client).keyPrefix("test" + TESTS.incrementAndGet() + ":").build();
    }
}
