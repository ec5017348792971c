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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 *       spend a real user's allowance. A fallback that the store refuses after its tokens were taken gets them
 *       back the same way ({@link #giveBack}, {@link #giveBackSms}).
 *   <li>Names: the rule is part of a bucket's name, so changed limits start fresh buckets, and two rule
 *       sets never share (and so never reset) one application bucket.
 * </ul>
 */
final class BucketRateLimiter {
    private static final RateLimit[] ORDER = {RateLimit.CALLER, RateLimit.PHONE, RateLimit.APPLICATION};
    /** How long a full bucket is kept before the storage may drop it; a missing bucket counts as full. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    private final Map<RateLimit, ProxyManager<String>> buckets = new EnumMap<>(RateLimit.class);
    private final RateLimitStorage storage;

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
     * Empty when the start may go ahead; else the limit that refused and how long until it allows one. A
     * null {@code callerKey} (a fallback that a callback asked for, with no caller) skips the caller's limit.
     */
    Optional<RateLimited> tryAcquire(String phone, @Nullable String callerKey, RateLimits limits) {
        List<BucketProxy> refundable = new ArrayList<>(2);
        for (RateLimit limit : ORDER) {
            Optional<Rule> rule = limits.rule(limit);
            if (rule.isEmpty() || (limit == RateLimit.CALLER && callerKey == null)) {
                continue;
            }
            BucketProxy bucket = bucket(limit, limit == RateLimit.PHONE ? phone : callerKey, rule.get());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refundable.forEach(taken -> taken.addTokens(1));
                return Optional.of(new RateLimited(limit, Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
            if (limit != RateLimit.CALLER) {
                refundable.add(bucket);
            }
        }
        return Optional.empty();
    }

    /**
     * Gives back the phone's and the application's token of an {@link #tryAcquire} that sent nothing in the end (a
     * fallback the store refused). The caller's stays taken, as for any refused start. A bucket never holds more than
     * its count, so a give-back can never raise a limit.
     */
    void giveBack(String phone, RateLimits limits) {
        limits.rule(RateLimit.PHONE).ifPresent(rule -> bucket(RateLimit.PHONE, phone, rule).addTokens(1));
        limits.rule(RateLimit.APPLICATION).ifPresent(rule -> bucket(RateLimit.APPLICATION, "", rule).addTokens(1));
    }

    /** Gives back the SMS cap's token of a {@link #tryAcquireSms} whose fallback sent nothing. */
    void giveBackSms(Rule cap) {
        bucket(RateLimit.SMS, "", cap).addTokens(1);
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

    /** Empty when one more fallback SMS fits under {@code cap}; else when it would. */
    Optional<RateLimited> tryAcquireSms(Rule cap) {
        ConsumptionProbe probe = bucket(RateLimit.SMS, "", cap).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new RateLimited(RateLimit.SMS, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    @Override
    public String toString() {
        return storage.toString();
    }

    private BucketProxy bucket(RateLimit limit, String key, Rule rule) {
        String name = limit.name().toLowerCase(Locale.ROOT) + ":" + rule.count() + "/" + rule.period()
                + (limit == RateLimit.APPLICATION || limit == RateLimit.SMS ? "" : ":{" + key + "}");
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(rule.count()).refillGreedy(rule.count(), rule.period()))
                .build();
        return buckets.get(limit).builder().build(name, () -> configuration);
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
