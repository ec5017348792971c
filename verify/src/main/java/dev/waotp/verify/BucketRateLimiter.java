package dev.waotp.verify;

import dev.waotp.verify.RateLimits.Rule;
import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.spi.RateLimitStorage;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one rate limiter, over any {@link RateLimitStorage}: the storage keeps buckets, this class
 * decides which are asked, in which order, and what a refusal costs.
 *
 * <ul>
 *   <li>Order: the caller's bucket, then the phone's, then the application's, one after another (not
 *       pipelined), so a key refused by an earlier limit never gets a bucket of a later one: refused
 *       floods for fresh caller keys do not touch phone buckets.
 *   <li>Cost: a refused start keeps the caller's token. A caller that keeps asking for a phone whose
 *       limit refuses spends its own limit doing so, instead of polling for free. The tokens taken from
 *       the phone's and the application's bucket are given back, so an attacker's refused start does not
 *       spend a real user's allowance.
 *   <li>Names: the rule is part of a bucket's name, so changed limits start fresh buckets, and two rule
 *       sets never share (and so never reset) one application bucket.
 * </ul>
 */
final class BucketRateLimiter {
    private static final RateLimit[] ORDER = {RateLimit.CALLER, RateLimit.PHONE, RateLimit.APPLICATION};
    /** How long a full bucket is kept before the storage may drop it; a missing bucket counts as full. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    /** Owed tokens beyond this are forgotten (an outage under a flood of starts): memory stays bounded. */
    private static final int MAX_OWED = 10_000;

    private final Map<RateLimit, ProxyManager<String>> buckets = new EnumMap<>(RateLimit.class);
    private final RateLimitStorage storage;
    private final Queue<BucketProxy> owed = new ConcurrentLinkedQueue<>();
    /** The application's and the SMS cap's buckets, by name: few (one per rule), and kept for their batching. */
    private final Map<String, BucketProxy> sharedBuckets = new ConcurrentHashMap<>();

    BucketRateLimiter(RateLimitStorage storage, Clock clock, Duration timeout) {
        this.storage = storage;
        ClientSideConfig config = ClientSideConfig.getDefault()
                .withClientClock(new ClockTimeMeter(clock))
                .withRequestTimeout(timeout)
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS));
        for (RateLimit limit : RateLimit.values()) {
            buckets.put(limit, storage.proxyManager(limit, config));
        }
    }

    /**
     * The tokens a start takes, or the limit that refused it and how long until it allows one. A null
     * {@code callerKey} (a fallback that a callback asked for, with no caller) skips the caller's limit.
     * When a bucket cannot be asked, the tokens this call took already are given back before the failure
     * is thrown, so a start that fails takes nothing.
     */
    Taken tryAcquire(String phone, @Nullable String callerKey, RateLimits limits) {
        repayOwed();
        List<BucketProxy> taken = new ArrayList<>(3);
        BucketProxy callerBucket = null;
        try {
            for (RateLimit limit : ORDER) {
                Optional<Rule> rule = limits.rule(limit);
                if (rule.isEmpty() || (limit == RateLimit.CALLER && callerKey == null)) {
                    continue;
                }
                BucketProxy bucket = bucket(limit, limit == RateLimit.PHONE ? phone : callerKey, rule.get());
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    for (BucketProxy spent : taken) {
                        if (spent != callerBucket) {
                            giveBack(spent);
                        }
                    }
                    return new Taken(callerBucket == null ? List.of() : List.of(callerBucket), callerBucket,
                            Optional.of(new RateLimited(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()))));
                }
                taken.add(bucket);
                if (limit == RateLimit.CALLER) {
                    callerBucket = bucket;
                }
            }
        } catch (RuntimeException e) {
            taken.forEach(this::giveBack);
            throw e;
        }
        return new Taken(taken, callerBucket, Optional.empty());
    }

    /** Empty when the caller may check one more code (or its check limit is off); else when it may. */
    Optional<RateLimited> tryAcquireCheck(String callerKey, RateLimits limits) {
        Optional<Rule> rule = limits.rule(RateLimit.CALLER_CHECKS);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket(RateLimit.CALLER_CHECKS, callerKey, rule.get()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new RateLimited(RateLimit.CALLER_CHECKS, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** The SMS cap's token, or when one more fallback SMS would fit under {@code cap}. */
    Taken tryAcquireSms(Rule cap) {
        repayOwed();
        BucketProxy bucket = bucket(RateLimit.SMS, "", cap);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Taken(List.of(bucket), null, Optional.empty())
                : new Taken(List.of(), null, Optional.of(
                        new RateLimited(RateLimit.SMS, Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    /**
     * Gives back the tokens of a start that failed after taking them (its store call failed, or its answer
     * came after the caller was told it failed). A token that cannot be given back now, Redis being down, is
     * owed and given back before the next start asks any bucket, so the user's next try finds it.
     */
    void giveBack(Taken taken) {
        taken.buckets().forEach(this::giveBack);
    }

    private void giveBack(BucketProxy bucket) {
        try {
            bucket.addTokens(1);
        } catch (RuntimeException e) {
            if (owed.size() < MAX_OWED) {
                owed.add(bucket);
            }
        }
    }

    /** Gives back the owed tokens, oldest first; stops at the first that fails, leaving it owed. */
    private void repayOwed() {
        for (BucketProxy bucket; (bucket = owed.poll()) != null; ) {
            try {
                bucket.addTokens(1);
            } catch (RuntimeException e) {
                owed.add(bucket);
                return;
            }
        }
    }

    @Override
    public String toString() {
        return storage.toString();
    }

    private BucketProxy bucket(RateLimit limit, String key, Rule rule) {
        boolean shared = limit == RateLimit.APPLICATION || limit == RateLimit.SMS;
        String name = limit.name().toLowerCase(Locale.ROOT) + ":" + rule.count() + "/" + rule.period()
                + (shared ? "" : ":{" + key + "}");
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(rule.count()).refillGreedy(rule.count(), rule.period()))
                .build();
        if (!shared) {
            return buckets.get(limit).builder().build(name, () -> configuration);
        }
        // Every start of the application asks this one bucket: each compare-and-swap that loses to another start's is
        // asked again, so starts that collide cost more commands the more there are (the hot key). One proxy per rule,
        // batching: the starts that wait for this instance's request in flight go together in its next one, one
        // compare-and-swap for all of them. Each still takes its own token; nothing of the limit is given up.
        return sharedBuckets.computeIfAbsent(name, n -> buckets.get(limit).builder()
                .withOptimization(Optimizations.batching()).build(n, () -> configuration));
    }

    /**
     * What a call took: the buckets it holds one token of (to give back if the start fails), and the limit
     * that refused it, if one did; a refused start holds only the caller's token.
     */
    record Taken(List<BucketProxy> buckets, @Nullable BucketProxy caller, Optional<RateLimited> refused) {
        /** What a start that sent nothing in the end gives back: all but the caller's, which a refusal costs. */
        Taken withoutCaller() {
            return caller == null ? this
                    : new Taken(buckets.stream().filter(b -> b != caller).toList(), null, refused);
        }
    }

    /** Bucket4j reads time from the verifier's clock, so tests can move it, on every storage alike. */
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
