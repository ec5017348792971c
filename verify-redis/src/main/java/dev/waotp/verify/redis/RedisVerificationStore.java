package dev.waotp.verify.redis;

import dev.waotp.verify.CheckDecision;
import dev.waotp.verify.StartDecision;
import dev.waotp.verify.StartRules;
import dev.waotp.verify.VerificationStore;
import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A {@link VerificationStore} on Redis, for applications that run on many instances: any instance can check a code
 * another one sent. Works unchanged on a standalone Redis and on Redis Cluster.
 *
 * <p>Each phone's verification is one hash, {@code <prefix>{<phone>}} (default prefix {@code waotp:verify:}); the
 * braces make the phone number the cluster hash tag. It holds the code's HMAC (never the code), its expiry, the last
 * send time, the sends and the attempts, and Redis removes it by itself when the code's lifetime is over.
 *
 * <p>{@link #start start}, {@link #check check} and {@link #discard discard} are each one Lua script, run with one
 * {@code EVALSHA}: one round trip, atomic, so concurrent checks of one phone from any number of instances never count
 * more than {@code maxAttempts} attempts and approve a right code once. The package documentation lists the Redis
 * commands of each call.
 *
 * <p>A call that fails, or gets no answer within the timeout (default 2 s), throws
 * {@link VerificationStoreException}: nothing is approved when Redis cannot be read.
 *
 * <p>The store owns one connection, opened from the application's client; {@link #close()} closes it, not the client.
 */
public final class RedisVerificationStore implements VerificationStore, AutoCloseable {
    private static final LuaScript START = LuaScript.load("start.lua");
    private static final LuaScript CHECK = LuaScript.load("check.lua");
    private static final LuaScript DISCARD = LuaScript.load("discard.lua");
    /** In the order of the outcome numbers check.lua returns. */
    private static final CheckDecision.Outcome[] OUTCOMES = {
        CheckDecision.Outcome.APPROVED,
        CheckDecision.Outcome.WRONG_CODE,
        CheckDecision.Outcome.EXPIRED,
        CheckDecision.Outcome.TOO_MANY_ATTEMPTS,
        CheckDecision.Outcome.NOT_PENDING,
    };

    private final LettuceConnection redis;
    private final String keyPrefix;

    private RedisVerificationStore(Builder builder) {
        this.keyPrefix = builder.keyPrefix;
        this.redis = LettuceConnection.open(builder.client, builder.timeout);
    }

    /**
     * A store with the default key prefix and timeout, on a new connection of {@code client}.
     *
     * @param client a {@link RedisClient} or a {@link RedisClusterClient}
     * @throws VerificationStoreException when Redis cannot be reached
     */
    public static RedisVerificationStore create(AbstractRedisClient client) {
        return builder(client).build();
    }

    /** A builder for a store on a new connection of {@code client} (a RedisClient or a RedisClusterClient). */
    public static Builder builder(AbstractRedisClient client) {
        return new Builder(client);
    }

    @Override
    public StartDecision start(String phone, byte[] codeHmac, Instant now, StartRules rules) {
        List<Long> answer = redis.await(START.run(redis.commands(), ScriptOutputType.MULTI, key(phone),
                codeHmac, number(now.toEpochMilli()), number(rules.lifetime().toMillis()),
                number(rules.resendAfter().toMillis()), number(rules.maxSends())), "the start of a verification");
        return answer.get(0) == 1
                ? StartDecision.started(answer.get(1).intValue())
                : StartDecision.tooSoon(Duration.ofMillis(answer.get(2)));
    }

    @Override
    public CheckDecision check(String phone, byte[] codeHmac, Instant now, int maxAttempts) {
        List<Long> answer = redis.await(CHECK.run(redis.commands(), ScriptOutputType.MULTI, key(phone),
                codeHmac, number(now.toEpochMilli()), number(maxAttempts)), "the check of a code");
        int outcome = answer.get(0).intValue();
        if (outcome < 0 || outcome >= OUTCOMES.length) {
            throw new VerificationStoreException("Redis answered a check with unknown outcome " + outcome);
        }
        return OUTCOMES[outcome] == CheckDecision.Outcome.WRONG_CODE
                ? CheckDecision.wrongCode(answer.get(1).intValue())
                : CheckDecision.of(OUTCOMES[outcome]);
    }

    @Override
    public void discard(String phone, byte[] codeHmac) {
        redis.await(DISCARD.run(redis.commands(), ScriptOutputType.INTEGER, key(phone), codeHmac),
                "the removal of an unsent code");
    }

    /** Closes the store's connection; the application's Redis client stays open. */
    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisVerificationStore[keyPrefix=" + keyPrefix + "]";
    }

    private byte[] key(String phone) {
        return (keyPrefix + "{" + phone + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** Options of a {@link RedisVerificationStore}: a key prefix and a timeout; {@link #build()} connects. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Builder(AbstractRedisClient client) {
            super(client, "waotp:verify:");
        }

        /**
         * Connects and returns the store.
         *
         * @throws VerificationStoreException when Redis cannot be reached
         */
        public RedisVerificationStore build() {
            return new RedisVerificationStore(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
