package dev.waotp.verify.redis;

import dev.waotp.DeliveryState;
import dev.waotp.verify.Channel;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryOrder;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VerificationStore} on Redis, for applications that run on many instances: any instance can check a code
 * another one sent. Works unchanged on a standalone Redis and on Redis Cluster.
 *
 * <p>Each key's verification is one hash, {@code <prefix><purpose>:{<phone>}} (default prefix {@code waotp:verify:});
 * the braces make the phone number the cluster hash tag. It holds the code's HMAC (never the code), its expiry, the
 * last send time, the sends and the attempts, and the key's failed checks and lock; Redis removes it by itself once
 * neither the code nor the failures matter any more.
 *
 * <p>{@link #start start}, {@link #check check} and {@link #discard discard} are each one Lua script, run with one
 * {@code EVALSHA}: one round trip, atomic, so concurrent checks of one phone from any number of instances never count
 * more than {@code maxAttempts} attempts and approve a right code once. The package documentation lists the Redis
 * commands of each call.
 *
 * <p>A call that fails throws {@link VerificationStoreException}: nothing is approved when Redis cannot be read.
 * The verifier's store timeout bounds each call: it interrupts the wait, and the call cancels its Lettuce command.
 *
 * <p>The client must reject commands while disconnected ({@code ClientOptions.disconnectedBehavior(REJECT_COMMANDS)};
 * {@link Builder#build()} refuses one that holds them): a held check would run at the reconnect, after its caller was
 * told it failed, and use up the code. Set the client's reconnect delay too
 * ({@code ClientResources.reconnectDelay(Delay.constant(Duration.ofMillis(200)))}): Lettuce's default doubles up to
 * 30 s, and the verifier serves again only once the client has reconnected.
 *
 * <p>The store owns one connection, opened from the application's client; {@link #close()} closes it, not the client.
 */
public final class RedisVerificationStore implements VerificationStore, AutoCloseable {
    private static final LuaScript START = LuaScript.load("start.lua");
    private static final LuaScript CHECK = LuaScript.load("check.lua");
    private static final LuaScript DISCARD = LuaScript.load("discard.lua");
    private static final LuaScript REPLACE = LuaScript.load("replace.lua");
    private static final LuaScript DELIVERY = LuaScript.load("delivery.lua");
    /** In the order of the answers delivery.lua returns. */
    private static final DeliveryUpdate[] UPDATES = {
        DeliveryUpdate.NOT_CURRENT, DeliveryUpdate.UNCHANGED, DeliveryUpdate.UPDATED, DeliveryUpdate.FAILED,
    };
    private final LettuceConnection redis;
    private final String keyPrefix;

    private RedisVerificationStore(Builder builder) {
        this.keyPrefix = builder.keyPrefix;
        this.redis = LettuceConnection.open(builder.client);
    }

    /**
     * A store with the default key prefix, on a new connection of {@code client}.
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
    public StartDecision start(VerificationKey key, NewCode code, Instant now, StartRules rules) {
        List<Long> answer = redis.await(START.run(redis.commands(), ScriptOutputType.MULTI, key(key),
                code.hmac(), number(now.toEpochMilli()), number(rules.lifetime().toMillis()),
                number(rules.resendAfter().toMillis()), number(rules.maxSends()), text(code.tag()),
                text(code.channel().name())), "the start of a verification");
        return startDecision(answer);
    }

    @Override
    public StartDecision replace(VerificationKey key, String failedTag, NewCode code, Instant now) {
        List<Long> answer = redis.await(REPLACE.run(redis.commands(), ScriptOutputType.MULTI, key(key),
                text(failedTag), code.hmac(), number(now.toEpochMilli()), text(code.tag()),
                text(code.channel().name())), "the fallback of a code");
        return switch (answer.get(0).intValue()) {
            case 1 -> new StartDecision.Replaced(Instant.ofEpochMilli(answer.get(2)));
            case 2 -> new StartDecision.Locked(Instant.ofEpochMilli(answer.get(2)));
            case 3 -> new StartDecision.Superseded();
            default -> throw new VerificationStoreException("Redis answered a fallback with unknown outcome " + answer.get(0));
        };
    }

    @Override
    public DeliveryUpdate recordDelivery(VerificationKey key, String tag, DeliveryState state, Instant now) {
        Long answer = redis.await(DELIVERY.run(redis.commands(), ScriptOutputType.INTEGER, key(key), text(tag),
                number(DeliveryOrder.rank(state)), text(state.name()), number(now.toEpochMilli())), "the record of a delivery");
        return UPDATES[answer.intValue()];
    }

    @Override
    public Optional<PendingCode> pending(VerificationKey key, Instant now) {
        List<KeyValue<byte[], byte[]>> fields = redis.await(
                redis.commands().hmget(key(key), text("tag"), text("channel"), text("delivery"), text("expires"))
                        .toCompletableFuture(), "the read of a pending code");
        if (!fields.get(0).hasValue() || !fields.get(3).hasValue()
                || Long.parseLong(string(fields.get(3))) <= now.toEpochMilli()) {
            return Optional.empty();
        }
        // "<rank>:<state>" once a status was recorded, "0" before.
        String delivery = fields.get(2).hasValue() ? string(fields.get(2)) : "0";
        @Nullable DeliveryState state = delivery.length() > 2 ? DeliveryState.valueOf(delivery.substring(2)) : null;
        return Optional.of(new PendingCode(string(fields.get(0)), Channel.valueOf(string(fields.get(1))), state));
    }

    private static StartDecision startDecision(List<Long> answer) {
        return switch (answer.get(0).intValue()) {
            case 1 -> new StartDecision.Started(answer.get(1).intValue());
            case 0 -> new StartDecision.TooSoon(Duration.ofMillis(answer.get(2)));
            case 2 -> new StartDecision.Locked(Instant.ofEpochMilli(answer.get(2)));
            default -> throw new VerificationStoreException("Redis answered a start with unknown outcome " + answer.get(0));
        };
    }

    @Override
    public CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules) {
        byte[][] args = new byte[5 + candidates.size()][];
        args[0] = number(now.toEpochMilli());
        args[1] = number(rules.maxAttempts());
        args[2] = number(rules.maxFailures());
        args[3] = number(rules.lockout().toMillis());
        args[4] = number(rules.failureMemory().toMillis());
        for (int i = 0; i < candidates.size(); i++) {
            args[5 + i] = candidates.get(i);
        }
        List<Long> answer = redis.await(CHECK.run(redis.commands(), ScriptOutputType.MULTI, key(key), args),
                "the check of a code");
        return switch (answer.get(0).intValue()) {
            case 0 -> new CheckResult.Approved();
            case 1 -> new CheckResult.WrongCode(answer.get(1).intValue());
            case 2 -> new CheckResult.Expired();
            case 3 -> new CheckResult.TooManyAttempts();
            case 4 -> new CheckResult.NotPending();
            case 5 -> new CheckResult.Locked(Instant.ofEpochMilli(answer.get(2)));
            default -> throw new VerificationStoreException("Redis answered a check with unknown outcome " + answer.get(0));
        };
    }

    @Override
    public void discard(VerificationKey key, byte[] codeHmac) {
        redis.await(DISCARD.run(redis.commands(), ScriptOutputType.INTEGER, key(key), codeHmac),
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

    private byte[] key(VerificationKey key) {
        return (keyPrefix + key.purpose() + ":{" + key.phone() + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(KeyValue<byte[], byte[]> field) {
        return new String(field.getValue(), StandardCharsets.UTF_8);
    }

    /** Options of a {@link RedisVerificationStore}: a key prefix; {@link #build()} connects. */
    public static final class Builder extends RedisBuilder<Builder> {
        private Builder(AbstractRedisClient client) {
            super(client, "waotp:verify:");
        }

        /**
         * Connects and returns the store.
         *
         * @throws VerificationStoreException when Redis cannot be reached
         * @throws dev.waotp.InvalidInputException when the client holds commands while disconnected
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
