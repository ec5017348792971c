package dev.waotp.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.waotp.InvalidInputException;
import dev.waotp.verify.RateLimits.Rule;
import dev.waotp.verify.StartResult.RateLimited;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link RateLimiter}: Bucket4j token buckets in this JVM's memory, for one instance.
 *
 * <p>Phone and caller buckets live in a bounded Caffeine cache; a bucket leaves once it has been idle
 * for its whole period, when it would be full again anyway, so dropping it loses nothing. Only if more
 * than {@code maxBuckets} keys are active at once are some dropped early (their count restarts); the
 * application's bucket is kept apart and never dropped, so the spending cap always holds.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** The default bound on phone and caller buckets kept at once. */
    public static final long DEFAULT_MAX_BUCKETS = 100_000;

    private final TimeMeter time;
    private final Cache<Key, Bucket> buckets;
    private final AtomicReference<RuledBucket> application = new AtomicReference<>();

    /** A limiter on the system clock, keeping at most {@value #DEFAULT_MAX_BUCKETS} buckets. */
    public InMemoryRateLimiter() {
        this(Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /** A limiter whose buckets refill by {@code clock}, keeping at most {@code maxBuckets} buckets. */
    public InMemoryRateLimiter(Clock clock, long maxBuckets) {
        Objects.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw new InvalidInputException("maxBuckets", "must be at least 1, was " + maxBuckets);
        }
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .ticker(time::currentTimeNanos)
                .expireAfter(Expiry.<Key, Bucket>accessing((key, bucket) -> key.rule().period()))
                .build();
    }

    @Override
    public Optional<RateLimited> tryAcquire(String phone, String callerKey, RateLimits limits) {
        List<Bucket> taken = new ArrayList<>(3);
        for (RateLimit limit : new RateLimit[] {RateLimit.CALLER, RateLimit.PHONE, RateLimit.APPLICATION}) {
            Optional<Rule> rule = limits.rule(limit);
            if (rule.isEmpty()) {
                continue;
            }
            Bucket bucket = bucket(limit, limit == RateLimit.PHONE ? phone : callerKey, rule.get());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(given -> given.addTokens(1));
                return Optional.of(new RateLimited(limit, Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
            taken.add(bucket);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "InMemoryRateLimiter{buckets=" + buckets.estimatedSize() + "}";
    }

    private Bucket bucket(RateLimit limit, String key, Rule rule) {
        if (limit == RateLimit.APPLICATION) {
            return application.updateAndGet(
                    current -> current != null && current.rule().equals(rule) ? current
                            : new RuledBucket(rule, newBucket(rule))).bucket();
        }
        return buckets.get(new Key(limit, key, rule), k -> newBucket(rule));
    }

    private Bucket newBucket(Rule rule) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rule.count()).refillGreedy(rule.count(), rule.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** A bucket's key; the rule is part of it, so changed limits start fresh buckets. */
    private record Key(RateLimit limit, String key, Rule rule) {}

    private record RuledBucket(Rule rule, Bucket bucket) {}

    /** Bucket4j and Caffeine read time from the limiter's clock, so tests can move it. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
