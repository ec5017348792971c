package dev.waotp.verify.redis;

import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.tck.FallbackContractTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fallback contract against a real standalone Redis: each application instance of a test talks to it through a
 * client of its own, and each test has its own key prefix, so its SMS cap and application limit start full.
 */
class RedisFallbackTest extends FallbackContractTest {
    private static final AtomicInteger TESTS = new AtomicInteger();

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private final String prefix = "fallback" + TESTS.incrementAndGet() + ":";

    @Override
    protected VerificationStore newStore() {
        return RedisVerificationStore.builder(REDIS.newClient()).keyPrefix(prefix + "verify:").build();
    }

    @Override
    protected RateLimitStorage newRateLimitStorage() {
        return RedisRateLimitStorage.builder(REDIS.newClient()).keyPrefix(prefix + "limit:").build();
    }
}
