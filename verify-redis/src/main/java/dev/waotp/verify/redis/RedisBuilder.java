package dev.waotp.verify.redis;

import dev.waotp.InvalidInputException;
import io.lettuce.core.AbstractRedisClient;
import java.util.Objects;

/**
 * The options {@link RedisVerificationStore.Builder} and {@link RedisRateLimitStorage.Builder} share: the
 * application's client and the key prefix. There is no timeout here: the verifier's store timeout is the one timeout,
 * and it reaches the Redis commands (see {@link LettuceConnection}).
 *
 * @param <B> the concrete builder, returned by each setter
 */
abstract class RedisBuilder<B extends RedisBuilder<B>> {
    final AbstractRedisClient client;
    String keyPrefix;

    RedisBuilder(AbstractRedisClient client, String defaultKeyPrefix) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = defaultKeyPrefix;
    }

    /**
     * The start of every key: by default {@code waotp:verify:} for the store and {@code waotp:limit:} for the rate
     * limits. Use one prefix per application sharing a Redis. It must not contain braces: the phone number (or
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

    abstract B self();
}
