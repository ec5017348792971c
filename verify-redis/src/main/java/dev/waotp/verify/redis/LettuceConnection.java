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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One Lettuce connection with byte-array keys and values, opened from the application's client (a standalone
 * {@link RedisClient} or a {@link RedisClusterClient}), and the way every call on it waits: until the answer, or
 * until the verifier, which owns the one timeout, interrupts the wait; every failure is a
 * {@link VerificationStoreException} with one message shape, whatever failed.
 */
final class LettuceConnection implements AutoCloseable {
    private final StatefulConnection<byte[], byte[]> connection;
    private final RedisClusterAsyncCommands<byte[], byte[]> commands;

    private LettuceConnection(StatefulConnection<byte[], byte[]> connection,
            RedisClusterAsyncCommands<byte[], byte[]> commands) {
        this.connection = connection;
        this.commands = commands;
    }

    /** Connects with {@code client}; a Redis that cannot be reached is a {@link VerificationStoreException}. */
    static LettuceConnection open(AbstractRedisClient client) {
        try {
            if (client instanceof RedisClient standalone) {
                StatefulRedisConnection<byte[], byte[]> connection = standalone.connect(ByteArrayCodec.INSTANCE);
                return new LettuceConnection(connection, connection.async());
            }
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
                return new LettuceConnection(connection, connection.async());
            }
        } catch (RedisException e) {
            throw unavailable("the connection", e);
        }
        throw new IllegalArgumentException("client: must be a RedisClient or a RedisClusterClient, was "
                + client.getClass().getName());
    }

    /** The asynchronous commands: {@code RedisAsyncCommands} or {@code RedisAdvancedClusterAsyncCommands}. */
    RedisClusterAsyncCommands<byte[], byte[]> commands() {
        return commands;
    }

    /**
     * Waits for {@code call}. Interrupted (the verifier's timeout), it cancels the call: cancelling a
     * {@link ScriptCall} cancels its Lettuce command, so Lettuce drops the command rather than write it after
     * reconnecting, once the caller was told it failed.
     *
     * @param what what the call does, for the exception message (never a code or an HMAC)
     */
    <T> T await(CompletableFuture<T> call, String what) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw unavailable(what, e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new VerificationStoreException("Redis is unavailable: " + what + " was not answered in time", e);
        }
    }

    /** The one message of a Redis failure, whatever part of it failed. */
    static VerificationStoreException unavailable(String what, Throwable cause) {
        return new VerificationStoreException(
                "Redis is unavailable: " + what + " failed (" + VerificationStoreException.summary(cause) + ")", cause);
    }

    /** Closes this connection; the application's client stays open. */
    @Override
    public void close() {
        connection.close();
    }
}
