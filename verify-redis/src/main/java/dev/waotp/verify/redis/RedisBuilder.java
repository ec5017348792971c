package dev.waotp.verify.redis;

import dev.waotp.InvalidInputException;
import io.lettuce.core.AbstractRedisClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The options {@link RedisVerificationStore.Builder} and {@link RedisRateLimiter.Builder} share: the application's
 * client, the key prefix and the timeout of each call.
 *
 * @param <B> the concrete builder, returned by each setter
 */
abstract class RedisBuilder<B extends RedisBuilder<B>> {
    final AbstractRedisClient client;
    String keyPrefix;
    Duration timeout = Duration.ofSeconds(2);

    RedisBuilder(AbstractRedisClient client, String defaultKeyPrefix) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = defaultKeyPrefix;
    }

    /**
     * The start of every key: by default {@code waotp:verify:} for the store and {@code waotp:limit:} for the rate
     * limiter. Use one prefix per application sharing a Redis. It must not contain braces: the phone number (or
     * caller key) after it is the key's cluster hash tag.
     */
    public B keyPrefix(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new InvalidInputException("keyPrefix", "must not contain { or }, was " + keyPrefix);
        }
        this.keyPrefix = keyPrefix;
        return self();
    }

    /**
     * How long a call may wait for Redis before it fails with {@code VerificationStoreException}; positive, default
     * 2 seconds.
     */
    public B timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("timeout", "must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return self();
    }

    abstract B self();
}
