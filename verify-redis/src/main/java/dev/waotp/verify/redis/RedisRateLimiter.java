package dev.waotp.verify.redis;

import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimiter;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.RateLimits.Rule;
import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.VerificationStoreException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RateLimiter} whose token buckets live in Redis (Bucket4j's Lettuce integration), so the limits hold for
 * all instances of the application together. Works on a standalone Redis and on Redis Cluster.
 *
 * <p>Each bucket is one key, {@code <prefix><limit>:<count>/<period>:{<phone or caller key>}} (default prefix
 * {@code waotp:limit:}; the application's bucket has no braces part), holding Bucket4j's state; the rule is part of
 * the key, so changed limits start fresh buckets. A key leaves Redis by itself once its bucket would be full again.
 *
 * <p>Bucket4j updates each bucket by compare-and-swap (a {@code GET}, then an {@code EVAL} that writes only if
 * nothing changed in between), so the limits are exact across instances. The package documentation lists the Redis
 * commands per start.
 *
 * <p>A call that fails, or gets no answer within the timeout (default 2 s), throws
 * {@link VerificationStoreException}: the start is not sent. The limiter owns one connection, opened from the
 * application's client; {@link #close()} closes it, not the client.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    /**
     * The order {@link RateLimiter#tryAcquire} takes tokens in, one bucket after the other rather than all at once:
     * a caller refused by its own limit then never holds a phone's or the application's token, even for a moment,
     * so an abusive caller cannot make a real user's start fail.
     */
    private static final RateLimit[] ORDER = {RateLimit.CALLER, RateLimit.PHONE, RateLimit.APPLICATION};
    /** How long a full bucket's key stays before Redis removes it; Bucket4j treats a missing key as full. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    private final LettuceConnection redis;
    private final AsyncProxyManager<byte[]> buckets;
    private final String keyPrefix;

    private RedisRateLimiter(Builder builder) {
        this.keyPrefix = builder.keyPrefix;
        this.redis = LettuceConnection.open(builder.client, builder.timeout);
        this.buckets = proxyManagerBuilder(redis.commands())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                // Bucket4j completes each Lettuce command of a call exceptionally once this expires (orTimeout on the
                // RedisFuture itself), and Lettuce then drops it instead of writing it after a reconnect. Cancelling
                // the future this class waits for would not reach those commands.
                .requestTimeout(builder.timeout)
                .build()
                .asAsync();
    }

    /**
     * A limiter with the default key prefix and timeout, on a new connection of {@code client}.
     *
     * @param client a {@link RedisClient} or a {@link RedisClusterClient}
     * @throws VerificationStoreException when Redis cannot be reached
     */
    public static RedisRateLimiter create(AbstractRedisClient client) {
        return builder(client).build();
    }

    /** A builder for a limiter on a new connection of {@code client} (a RedisClient or a RedisClusterClient). */
    public static Builder builder(AbstractRedisClient client) {
        return new Builder(client);
    }

    @Override
    public Optional<RateLimited> tryAcquire(String phone, String callerKey, RateLimits limits) {
        List<AsyncBucketProxy> taken = new ArrayList<>(ORDER.length);
        for (RateLimit limit : ORDER) {
            Optional<Rule> rule = limits.rule(limit);
            if (rule.isEmpty()) {
                continue;
            }
            AsyncBucketProxy bucket = bucket(limit, limit == RateLimit.PHONE ? phone : callerKey, rule.get());
            ConsumptionProbe probe = redis.await(bucket.tryConsumeAndReturnRemaining(1), "a rate limit");
            if (!probe.isConsumed()) {
                for (AsyncBucketProxy given : taken) {
                    redis.await(given.addTokens(1), "the return of a rate limit's token");
                }
                return Optional.of(new RateLimited(limit, Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
            taken.add(bucket);
        }
        return Optional.empty();
    }

    /** Closes the limiter's connection; the application's Redis client stays open. */
    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[keyPrefix=" + keyPrefix + "]";
    }

    private AsyncBucketProxy bucket(RateLimit limit, String key, Rule rule) {
        String name = keyPrefix + limit.name().toLowerCase(Locale.ROOT) + ":" + rule.count() + "/" + rule.period()
                + (limit == RateLimit.APPLICATION ? "" : ":{" + key + "}");
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(rule.count()).refillGreedy(rule.count(), rule.period()))
                .build();
        return buckets.builder().build(name.getBytes(StandardCharsets.UTF_8),
                () -> CompletableFuture.completedFuture(configuration));
    }

    private static LettuceBasedProxyManagerBuilder<byte[]> proxyManagerBuilder(
            RedisClusterAsyncCommands<byte[], byte[]> commands) {
        if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
            return Bucket4jLettuce.casBasedBuilder(cluster);
        }
        return Bucket4jLettuce.casBasedBuilder((RedisAsyncCommands<byte[], byte[]>) commands);
    }

    /** Options of a {@link RedisRateLimiter}: a key prefix and a timeout; {@link #build()} connects. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Builder(AbstractRedisClient client) {
            super(client, "waotp:limit:");
        }

        /**
         * Connects and returns the limiter.
         *
         * @throws VerificationStoreException when Redis cannot be reached
         */
        public RedisRateLimiter build() {
            return new RedisRateLimiter(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
