package dev.waotp.verify.redis;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
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
 *
 * <p>Nothing is held while disconnected: the client must reject commands then
 * ({@code DisconnectedBehavior.REJECT_COMMANDS}), and {@link #open} refuses one that does not. Lettuce's default holds
 * every command issued while disconnected, and every command written but not answered when the connection broke, and
 * writes them all once it has reconnected, seconds or minutes later. A check held so is answered as failed after the
 * verifier's timeout, and runs anyway when Redis is back: it uses up the code, and the user's next try is told
 * "not pending" (the lost logins). Cancelling a held command when its caller gives up is not enough: the
 * commands Lettuce writes at the reconnect in the instant before their callers' timeouts pass still run after those
 * callers were told they failed. Rejecting, a command issued while disconnected fails at once, and one in flight
 * when the connection breaks fails then and is never written again. What remains is a command Redis ran and whose
 * answer the broken connection lost; Redis cannot tell the caller, and the code it used is lost with it.
 */
final class LettuceConnection implements AutoCloseable {
    private final StatefulConnection<byte[], byte[]> connection;
    private final RedisClusterAsyncCommands<byte[], byte[]> commands;

    private LettuceConnection(StatefulConnection<byte[], byte[]> connection,
            RedisClusterAsyncCommands<byte[], byte[]> commands) {
        this.connection = connection;
        this.commands = commands;
    }

    /**
     * Connects with {@code client}; a Redis that cannot be reached is a {@link VerificationStoreException}.
     *
     * @throws InvalidInputException when the client holds commands while disconnected (see above)
     */
    static LettuceConnection open(AbstractRedisClient client) {
        requireRejectingWhileDisconnected(client.getOptions());
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

    private static void requireRejectingWhileDisconnected(ClientOptions options) {
        if (options.getDisconnectedBehavior() != DisconnectedBehavior.REJECT_COMMANDS) {
            throw new InvalidInputException("client", "must reject commands while disconnected, with ClientOptions"
                    + " disconnectedBehavior(REJECT_COMMANDS): a client that holds them writes them after reconnecting,"
                    + " so a check answered as failed could still use up the code; was "
                    + options.getDisconnectedBehavior());
        }
        if (!options.isAutoReconnect()) {
            throw new InvalidInputException("client", "must reconnect by itself (ClientOptions autoReconnect), else"
                    + " the verifier fails every call after the first broken connection");
        }
    }

    /** The asynchronous commands: {@code RedisAsyncCommands} or {@code RedisAdvancedClusterAsyncCommands}. */
    RedisClusterAsyncCommands<byte[], byte[]> commands() {
        return commands;
    }

    /**
     * Waits for {@code call}. Interrupted (the verifier's timeout), it cancels the call: cancelling a
     * {@link ScriptCall} cancels its Lettuce command, so a command not yet written is never written.
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
