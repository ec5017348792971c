package dev.waotp.verify.redis;

import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lettuce connection with byte-array keys and values, opened from the application's client (a standalone
 * {@link RedisClient} or a {@link RedisClusterClient}), and the way every call on it waits: at most {@code timeout},
 * failing closed with a {@link VerificationStoreException}.
 */
final class LettuceConnection implements AutoCloseable {
    private final StatefulConnection<byte[], byte[]> connection;
    private final RedisClusterAsyncCommands<byte[], byte[]> commands;
    private final Duration timeout;

    private LettuceConnection(StatefulConnection<byte[], byte[]> connection,
            RedisClusterAsyncCommands<byte[], byte[]> commands, Duration timeout) {
        this.connection = connection;
        this.commands = commands;
        this.timeout = timeout;
    }

    /** Connects with {@code client}; a Redis that cannot be reached is a {@link VerificationStoreException}. */
    static LettuceConnection open(AbstractRedisClient client, Duration timeout) {
        try {
            if (client instanceof RedisClient standalone) {
                StatefulRedisConnection<byte[], byte[]> connection = standalone.connect(ByteArrayCodec.INSTANCE);
                return new LettuceConnection(connection, connection.async(), timeout);
            }
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
                return new LettuceConnection(connection, connection.async(), timeout);
            }
        } catch (RedisException e) {
            throw new VerificationStoreException("could not connect to Redis: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("client: must be a RedisClient or a RedisClusterClient, was "
                + client.getClass().getName());
    }

    /** The asynchronous commands: {@code RedisAsyncCommands} or {@code RedisAdvancedClusterAsyncCommands}. */
    RedisClusterAsyncCommands<byte[], byte[]> commands() {
        return commands;
    }

    /**
     * Waits for {@code call} at most the timeout, then cancels it. Cancelling a {@link ScriptCall} cancels its
     * Lettuce command, so Lettuce drops the command rather than write it after reconnecting, once the caller was told
     * it failed. Bucket4j's futures (the rate limiter's) are not Lettuce's commands: Bucket4j times those out itself.
     *
     * @param what what the call does, for the exception message (never a code or an HMAC)
     */
    <T> T await(CompletableFuture<T> call, String what) {
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new VerificationStoreException(
                    "Redis did not answer " + what + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new VerificationStoreException("Redis failed " + what + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new VerificationStoreException("interrupted while waiting for Redis to answer " + what, e);
        }
    }

    /** Closes this connection; the application's client stays open. */
    @Override
    public void close() {
        connection.close();
    }
}
