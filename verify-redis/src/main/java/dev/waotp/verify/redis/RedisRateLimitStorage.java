package dev.waotp.verify.redis;

import dev.waotp.verify.RateLimit;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.spi.RateLimitStorage;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;

/**
 * A {@link RateLimitStorage} in Redis (Bucket4j's Lettuce integration), so the limits hold for all instances of the
 * application together. Storage only: the verifier's core rate limiter decides the order, the refunds and the cost
 * of a refusal, exactly as over the in-memory storage. Works on a standalone Redis and on Redis Cluster.
 *
 * <p>Each bucket is one key, {@code <prefix><limit>:<count>/<period>:{<phone or caller key>}} (default prefix
 * {@code waotp:limit:}; the application's bucket has no braces part), holding Bucket4j's state. Redis keeps every
 * key until it would be full again, so one limit's keys never push out another's: a phone's limit cannot be reset
 * by traffic for other keys (bound Redis memory with {@code maxmemory-policy noeviction}).
 *
 * <p>Bucket4j updates each bucket by compare-and-swap (a {@code GET}, then an {@code EVAL} that writes only if
 * nothing changed in between), so the limits are exact across instances. The buckets of a start are asked one after
 * another, not pipelined: a start refused by the caller's limit must not create or touch the phone's bucket, which a
 * pipelined request would (the contract test {@code aStartRefusedByTheCallerLimitCreatesNoPhoneBucket} checks it).
 *
 * <p>The application's bucket is one key that every start asks; the verifier batches the starts that wait for the
 * same instance's request to it into one compare-and-swap, so starts that collide do not make it a hot key.
 *
 * <p>The storage owns one connection, opened from the application's client, which must reject commands while
 * disconnected (see {@link RedisVerificationStore}); {@link #close()} closes it, not the client.
 */
public final class RedisRateLimitStorage implements RateLimitStorage, AutoCloseable {
    private final LettuceConnection redis;
    private final String keyPrefix;

    private RedisRateLimitStorage(Builder builder) {
        this.keyPrefix = builder.keyPrefix;
        this.redis = LettuceConnection.open(builder.client);
    }

    /**
     * Storage with the default key prefix, on a new connection of {@code client}.
     *
     * @param client a {@link RedisClient} or a {@link RedisClusterClient}
     * @throws VerificationStoreException when Redis cannot be reached
     */
    public static RedisRateLimitStorage create(AbstractRedisClient client) {
        return builder(client).build();
    }

    /** A builder for storage on a new connection of {@code client} (a RedisClient or a RedisClusterClient). */
    public static Builder builder(AbstractRedisClient client) {
        return new Builder(client);
    }

    @Override
    public ProxyManager<String> proxyManager(RateLimit limit, ClientSideConfig config) {
        LettuceBasedProxyManagerBuilder<byte[]> builder = proxyManagerBuilder(redis.commands());
        config.getClientSideClock().ifPresent(builder::clientClock);
        // Bucket4j fails each of its Lettuce commands once this passes (orTimeout on the RedisFuture itself), and
        // Lettuce then drops the command instead of writing it after a reconnect.
        config.getRequestTimeoutNanos().ifPresent(nanos -> builder.requestTimeout(java.time.Duration.ofNanos(nanos)));
        config.getExpirationAfterWriteStrategy().ifPresent(builder::expirationAfterWrite);
        ProxyManager<byte[]> buckets = builder.build();
        return buckets.withMapper(name -> (keyPrefix + name).getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the storage's connection; the application's Redis client stays open. */
    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisRateLimitStorage[keyPrefix=" + keyPrefix + "]";
    }

    private static LettuceBasedProxyManagerBuilder<byte[]> proxyManagerBuilder(
            RedisClusterAsyncCommands<byte[], byte[]> commands) {
        if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
            return Bucket4jLettuce.casBasedBuilder(cluster);
        }
        return Bucket4jLettuce.casBasedBuilder((RedisAsyncCommands<byte[], byte[]>) commands);
    }

    /** Options of a {@link RedisRateLimitStorage}: a key prefix; {@link #build()} connects. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Builder(AbstractRedisClient client) {
            super(client, "waotp:limit:");
        }

        /**
         * Connects and returns the storage.
         *
         * @throws VerificationStoreException when Redis cannot be reached
         */
        public RedisRateLimitStorage build() {
            return new RedisRateLimitStorage(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
