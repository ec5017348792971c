package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.RateLimitStorageContractTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate-limit storage contract against a real standalone Redis, each test with its own key prefix; and the limit
 * held by two application instances (two verifiers, each with its own storage on its own Redis client) starting at
 * the same moment.
 */
class RedisRateLimitStorageTest extends RateLimitStorageContractTest {
    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final int THREADS = 32;
    private static final int PER_PHONE = 5;
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private String prefix;

    @Override
    protected RateLimitStorage newStorage() {
        prefix = newKeyPrefix();
        return RedisRateLimitStorage.builder(REDIS.client()).keyPrefix(prefix).build();
    }

    @Override
    protected long phoneBuckets() {
        return REDIS.client().connect().sync().keys(prefix + "phone:*").size();
    }

    @Test
    void concurrentStartsOverTwoInstancesGetExactlyThePhonesLimit() throws Exception {
        RateLimits limits = RateLimits.builder().perPhone(PER_PHONE, Duration.ofHours(1))
                .without(RateLimit.CALLER).without(RateLimit.APPLICATION).build();
        String shared = newKeyPrefix();
        String phone = phone();
        AtomicInteger sent = new AtomicInteger();
        try (RedisRateLimitStorage one = RedisRateLimitStorage.builder(REDIS.newClient()).keyPrefix(shared).build();
                RedisRateLimitStorage other = RedisRateLimitStorage.builder(REDIS.newClient()).keyPrefix(shared).build()) {
            Verifier first = instance(one, limits, sent);
            Verifier second = instance(other, limits, sent);
            AtomicInteger next = new AtomicInteger();

            List<StartResult> answers = Concurrently.run(THREADS,
                    () -> (next.getAndIncrement() % 2 == 0 ? first : second).start(phone, "caller"));

            assertThat(answers).filteredOn(StartResult.Sent.class::isInstance).hasSize(PER_PHONE);
            assertThat(answers).filteredOn(StartResult.RateLimited.class::isInstance).hasSize(THREADS - PER_PHONE)
                    .allSatisfy(refused -> assertThat(((StartResult.RateLimited) refused).limit()).isEqualTo(RateLimit.PHONE));
            assertThat(sent).hasValue(PER_PHONE);
            assertThat(second.start(phone, "caller")).as("the bucket stays empty").isInstanceOf(StartResult.RateLimited.class);
        }
    }

    /** One client guessing on two instances at once: together they allow exactly its check limit. */
    @Test
    void concurrentChecksOverTwoInstancesGetExactlyTheCallersCheckLimit() throws Exception {
        RateLimits limits = RateLimits.builder().perCallerChecks(PER_PHONE, Duration.ofHours(1)).build();
        String shared = newKeyPrefix();
        try (RedisRateLimitStorage one = RedisRateLimitStorage.builder(REDIS.newClient()).keyPrefix(shared).build();
                RedisRateLimitStorage other = RedisRateLimitStorage.builder(REDIS.newClient()).keyPrefix(shared).build()) {
            Verifier first = instance(one, limits, new AtomicInteger());
            Verifier second = instance(other, limits, new AtomicInteger());
            AtomicInteger next = new AtomicInteger();

            List<CheckResult> answers = Concurrently.run(THREADS,
                    () -> (next.getAndIncrement() % 2 == 0 ? first : second).check(phone(), "123456", "caller"));

            assertThat(answers).filteredOn(CheckResult.NotPending.class::isInstance).hasSize(PER_PHONE);
            assertThat(answers).filteredOn(CheckResult.RateLimited.class::isInstance).hasSize(THREADS - PER_PHONE);
            assertThat(second.check(phone(), "123456", "caller")).isInstanceOf(CheckResult.RateLimited.class);
        }
    }

    private Verifier instance(RedisRateLimitStorage storage, RateLimits limits, AtomicInteger sent) {
        return Verifier.builder().secret(SECRET).clock(clock).rateLimits(limits).rateLimitStorage(storage)
                .resendAfter(Duration.ZERO).maxSends(1000)
                .sender((to, code) -> new SendResult(List.of("A" + sent.incrementAndGet()), "WA202", null))
                .build();
    }

    private static String newKeyPrefix() {
        return "test" + TESTS.incrementAndGet() + ":";
    }
}
