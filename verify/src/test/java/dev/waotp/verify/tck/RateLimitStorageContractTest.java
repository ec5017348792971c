package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link RateLimitStorage} keeps under the core's rate limiter, as tests: through a
 * {@link Verifier} whose store never refuses a resend, so every refusal here is a rate limit's. Time is
 * a {@link MutableClock} the verifier gives Bucket4j; phone numbers and caller keys are new in each test.
 */
public abstract class RateLimitStorageContractTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int THREADS = 32;
    private static final byte[] SECRET = "rate-limit-contract-secret-of-32-bytes!".getBytes();

    /** The storage under test, new for each test. */
    protected RateLimitStorage storage;
    /** The verifiers' clock; starts at the real time, so Redis key expiry keeps entries for the test. */
    protected final MutableClock clock = new MutableClock(Instant.now());
    /** Codes sent by the verifiers of the test. */
    protected final AtomicInteger sends = new AtomicInteger();
    private final Map<RateLimits, Verifier> verifiers = new HashMap<>();
    private String caller;

    /** A storage with no tokens taken yet, the application's buckets included (Redis: a fresh key prefix). */
    protected abstract RateLimitStorage newStorage();

    /** How many phone buckets the storage holds now. */
    protected abstract long phoneBuckets();

    @BeforeEach
    void createStorage() {
        storage = newStorage();
        caller = "caller-" + ThreadLocalRandom.current().nextLong();
    }

    @AfterEach
    void closeStorage() throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Starts a verification under {@code limits}: empty when it was sent, else the limit that refused. */
    protected Optional<RateLimited> start(String phone, String callerKey, RateLimits limits) {
        StartResult result = verifier(limits).start(phone, callerKey);
        return result instanceof RateLimited limited ? Optional.of(limited) : Optional.empty();
    }

    private Verifier verifier(RateLimits limits) {
        synchronized (verifiers) {
            return verifiers.computeIfAbsent(limits, l -> Verifier.builder()
                    .sender((to, code) -> {
                        sends.incrementAndGet();
                        return new SendResult(List.of("A" + sends.get()), "WA202", null);
                    })
                    .secret(SECRET).clock(clock).rateLimits(l).rateLimitStorage(storage)
                    .resendAfter(Duration.ZERO).maxSends(1000).build());
        }
    }

    /** Checks a code no one started under {@code limits}: empty when it was checked, else the limit that refused. */
    protected Optional<CheckResult.RateLimited> check(String phone, String callerKey, RateLimits limits) {
        CheckResult result = verifier(limits).check(phone, "123456", callerKey);
        return result instanceof CheckResult.RateLimited limited ? Optional.of(limited) : Optional.empty();
    }

    @Test
    void phoneLimitRefusesTheStartPastItsCountAndSaysWhenToRetry() {
        RateLimits limits = RateLimits.builder().perPhone(3, HOUR).build();
        String phone = phone();
        for (int i = 0; i < 3; i++) {
            assertThat(start(phone, caller + i, limits)).isEmpty();
        }

        assertThat(start(phone, caller, limits)).hasValue(new RateLimited(RateLimit.PHONE, HOUR.dividedBy(3)));
        assertThat(sends).hasValue(3);
    }

    @Test
    void bucketRefillsEvenlyOverItsPeriod() {
        RateLimits limits = RateLimits.builder().perPhone(4, HOUR).build();
        String phone = phone();
        for (int i = 0; i < 4; i++) {
            start(phone, caller + i, limits);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(start(phone, caller, limits)).hasValue(new RateLimited(RateLimit.PHONE, Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(start(phone, caller, limits)).isEmpty();
    }

    @Test
    void callerLimitCountsStartsForAnyPhone() {
        RateLimits limits = RateLimits.builder().perCaller(2, HOUR).build();

        assertThat(start(phone(), caller, limits)).isEmpty();
        assertThat(start(phone(), caller, limits)).isEmpty();

        assertThat(start(phone(), caller, limits)).map(RateLimited::limit).hasValue(RateLimit.CALLER);
        assertThat(start(phone(), caller + "-other", limits)).isEmpty();
    }

    @Test
    void applicationLimitCountsEveryStart() {
        RateLimits limits = RateLimits.builder().perApplication(2, HOUR).build();

        assertThat(start(phone(), caller + 1, limits)).isEmpty();
        assertThat(start(phone(), caller + 2, limits)).isEmpty();

        assertThat(start(phone(), caller + 3, limits)).map(RateLimited::limit).hasValue(RateLimit.APPLICATION);
    }

    @Test
    void aStartRefusedByThePhoneLimitStillCostsTheCallerItsToken() {
        RateLimits limits = RateLimits.builder().perCaller(2, HOUR).perPhone(1, HOUR).build();
        String phone = phone();
        start(phone, caller, limits);

        assertThat(start(phone, caller, limits)).map(RateLimited::limit).hasValue(RateLimit.PHONE);
        assertThat(start(phone(), caller, limits)).as("the refusal spent the caller's last token")
                .map(RateLimited::limit).hasValue(RateLimit.CALLER);
    }

    @Test
    void aStartRefusedByTheApplicationCapGivesThePhoneItsTokenBack() {
        RateLimits limits = RateLimits.builder().perPhone(1, Duration.ofDays(1))
                .perApplication(1, Duration.ofMinutes(1)).build();
        String phone = phone();
        start(phone(), caller + 1, limits);

        assertThat(start(phone, caller + 2, limits)).map(RateLimited::limit).hasValue(RateLimit.APPLICATION);
        clock.advance(Duration.ofMinutes(1));
        assertThat(start(phone, caller + 3, limits)).as("the phone's one token a day came back").isEmpty();
    }

    @Test
    void aStartRefusedByTheCallerLimitCreatesNoPhoneBucket() {
        RateLimits limits = RateLimits.builder().perCaller(1, HOUR).build();
        start(phone(), caller, limits);
        long before = phoneBuckets();

        for (int i = 0; i < 20; i++) {
            assertThat(start(phone(), caller, limits)).map(RateLimited::limit).hasValue(RateLimit.CALLER);
        }

        assertThat(phoneBuckets()).isEqualTo(before);
    }

    @Test
    void twoRuleSetsNeverShareOneApplicationBucket() {
        RateLimits tenAnHour = RateLimits.builder().perApplication(10, HOUR).build();
        RateLimits twentyAnHour = RateLimits.builder().perApplication(20, HOUR).build();
        int sent = 0;
        for (int i = 0; i < 100; i++) {
            if (start(phone(), caller + i, i % 2 == 0 ? tenAnHour : twentyAnHour).isEmpty()) {
                sent++;
            }
        }

        assertThat(sent).isEqualTo(10 + 20);
    }

    @Test
    void oneExhaustedPhoneLeavesOtherPhonesAlone() {
        RateLimits limits = RateLimits.builder().perPhone(1, HOUR).build();
        String phone = phone();
        start(phone, caller, limits);

        assertThat(start(phone, caller, limits)).isPresent();
        assertThat(start(phone(), caller, limits)).isEmpty();
    }

    @Test
    void withoutLimitsEveryStartIsAllowed() {
        String phone = phone();
        for (int i = 0; i < 50; i++) {
            assertThat(start(phone, caller, RateLimits.none())).isEmpty();
        }
    }

    @Test
    void concurrentStartsGetNoMoreTokensThanTheBucketHolds() throws Exception {
        RateLimits limits = RateLimits.builder().perPhone(5, HOUR).build();
        String phone = phone();
        AtomicInteger next = new AtomicInteger();

        List<Optional<RateLimited>> answers =
                Concurrently.run(THREADS, () -> start(phone, caller + next.incrementAndGet(), limits));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(5);
        assertThat(answers).filteredOn(Optional::isPresent)
                .allSatisfy(refused -> assertThat(refused.get().limit()).isEqualTo(RateLimit.PHONE));
        assertThat(sends).hasValue(5);
    }

    @Test
    void callerCheckLimitCountsChecksForAnyPhoneAndSaysWhenToRetry() {
        RateLimits limits = RateLimits.builder().perCallerChecks(3, HOUR).build();
        for (int i = 0; i < 3; i++) {
            assertThat(check(phone(), caller, limits)).isEmpty();
        }

        assertThat(check(phone(), caller, limits))
                .hasValue(new CheckResult.RateLimited(RateLimit.CALLER_CHECKS, HOUR.dividedBy(3)));
        assertThat(check(phone(), caller + "-other", limits)).isEmpty();
        clock.advance(HOUR.dividedBy(3));
        assertThat(check(phone(), caller, limits)).as("one check refilled").isEmpty();
    }

    @Test
    void checksAndStartsOfOneCallerAreCountedApart() {
        RateLimits limits = RateLimits.builder().perCaller(1, HOUR).perCallerChecks(1, HOUR).build();
        assertThat(start(phone(), caller, limits)).isEmpty();

        assertThat(check(phone(), caller, limits)).isEmpty();
        assertThat(check(phone(), caller, limits)).map(CheckResult.RateLimited::limit).hasValue(RateLimit.CALLER_CHECKS);
        assertThat(start(phone(), caller, limits)).map(RateLimited::limit).hasValue(RateLimit.CALLER);
    }

    @Test
    void concurrentChecksOfOneCallerGetNoMoreThanItsLimit() throws Exception {
        RateLimits limits = RateLimits.builder().perCallerChecks(5, HOUR).build();

        List<Optional<CheckResult.RateLimited>> answers =
                Concurrently.run(THREADS, () -> check(phone(), caller, limits));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(5);
        assertThat(answers).filteredOn(Optional::isPresent).hasSize(THREADS - 5);
    }

    /** A phone number no other test uses. */
    protected static String phone() {
        return "+9197" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }
}
