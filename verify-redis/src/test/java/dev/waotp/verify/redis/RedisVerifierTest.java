package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.tck.StubPhone;
import dev.waotp.verify.Verifier;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application instances on one Redis: two {@link Verifier}s, each with its own Redis client and connections (a
 * RedisVerificationStore and a RedisRateLimitStorage), sending through a real client to the stub.
 */
class RedisVerifierTest {
    private static final byte[] SECRET = "the-same-secret-on-every-instance!".getBytes(StandardCharsets.US_ASCII);
    private static final String PHONE = "+919876543210";
    private static final int THREADS = 32;

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static StubPhone phone;
    private final List<AutoCloseable> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        phone = new StubPhone();
    }

    @AfterAll
    static void stop() {
        phone.close();
    }

    @BeforeEach
    void emptyRedisAndStub() {
        try (var admin = REDIS.client().connect()) {
            admin.sync().flushall();
        }
        phone.forget();
    }

    @AfterEach
    void closeInstances() throws Exception {
        for (AutoCloseable instance : instances) {
            instance.close();
        }
    }

    @Test
    void codeSentByOneInstanceIsApprovedByTheOtherOnce() {
        Verifier one = instance(UnaryOperator.identity());
        Verifier other = instance(UnaryOperator.identity());

        assertThat(one.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);

        assertThat(other.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
        assertThat(one.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.NotPending());
        assertThat(other.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.NotPending());
    }

    @Test
    void concurrentWrongGuessesOverBothInstancesAreCountedNoMoreThanMaxAttempts() throws Exception {
        Verifier one = instance(b -> b.maxAttempts(5));
        Verifier other = instance(b -> b.maxAttempts(5));
        one.start(PHONE, "caller");
        String right = phone.lastCode();
        String wrong = right.equals("000000") ? "111111" : "000000";

        List<CheckResult> results = onBothInstances(one, other, verifier -> verifier.check(PHONE, wrong));

        assertThat(results).filteredOn(CheckResult.WrongCode.class::isInstance)
                .extracting(r -> ((CheckResult.WrongCode) r).attemptsLeft())
                .containsExactlyInAnyOrder(4, 3, 2, 1, 0);
        assertThat(results).filteredOn(CheckResult.TooManyAttempts.class::isInstance).hasSize(THREADS - 5);
        assertThat(other.check(PHONE, right)).isEqualTo(new CheckResult.TooManyAttempts());
    }

    @Test
    void concurrentRightCodeChecksOverBothInstancesApproveExactlyOnce() throws Exception {
        Verifier one = instance(UnaryOperator.identity());
        Verifier other = instance(UnaryOperator.identity());
        other.start(PHONE, "caller");
        String right = phone.lastCode();

        List<CheckResult> results = onBothInstances(one, other, verifier -> verifier.check(PHONE, right));

        assertThat(results).filteredOn(CheckResult.Approved.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CheckResult.NotPending.class::isInstance).hasSize(THREADS - 1);
    }

    @Test
    void phoneLimitHoldsForBothInstancesAndTheRefusedStartSendsNothing() {
        RateLimits limits = RateLimits.builder().perPhone(2, Duration.ofHours(1)).build();
        Verifier one = instance(b -> b.rateLimits(limits).resendAfter(Duration.ZERO));
        Verifier other = instance(b -> b.rateLimits(limits).resendAfter(Duration.ZERO));
        assertThat(one.start(PHONE, "caller-1")).isInstanceOf(StartResult.Sent.class);
        assertThat(other.start(PHONE, "caller-2")).isInstanceOf(StartResult.Sent.class);
        int requests = phone.requests();

        StartResult refused = one.start(PHONE, "caller-3");

        assertThat(refused).isInstanceOfSatisfying(StartResult.RateLimited.class, r -> {
            assertThat(r.limit()).isEqualTo(RateLimit.PHONE);
            assertThat(r.retryAfter()).isPositive();
        });
        assertThat(phone.requests()).as("no request for the refused start").isEqualTo(requests);
    }

    @Test
    void callerLimitHoldsForBothInstancesAcrossPhones() {
        RateLimits limits = RateLimits.builder().perCaller(1, Duration.ofHours(1)).build();
        Verifier one = instance(b -> b.rateLimits(limits));
        Verifier other = instance(b -> b.rateLimits(limits));
        assertThat(one.start("+919876543210", "203.0.113.7")).isInstanceOf(StartResult.Sent.class);

        assertThat(other.start("+919876543211", "203.0.113.7"))
                .isInstanceOfSatisfying(StartResult.RateLimited.class,
                        r -> assertThat(r.limit()).isEqualTo(RateLimit.CALLER));
        assertThat(phone.requests()).isEqualTo(1);
    }

    /** A Verifier of a new application instance: its own Redis client, store and rate limiter. */
    private Verifier instance(UnaryOperator<Verifier.Builder> options) {
        RedisClient client = REDIS.newClient();
        RedisVerificationStore store = RedisVerificationStore.create(client);
        RedisRateLimitStorage limiter = RedisRateLimitStorage.create(client);
        instances.add(store);
        instances.add(limiter);
        return options.apply(Verifier.builder().sender(phone.sender()).secret(SECRET)
                .store(store).rateLimitStorage(limiter)).build();
    }

    /** Runs {@code call} on {@value #THREADS} threads released at once, half of them on each instance. */
    private static <T> List<T> onBothInstances(Verifier one, Verifier other, Function<Verifier, T> call)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        return Concurrently.run(THREADS, () -> call.apply(next.getAndIncrement() % 2 == 0 ? one : other));
    }
}
