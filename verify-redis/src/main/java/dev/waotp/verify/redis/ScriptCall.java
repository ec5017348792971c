package dev.waotp.verify.redis;

import io.lettuce.core.RedisFuture;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one run of a {@link LuaScript}, which sends one Lettuce command at a time ({@code EVALSHA}, then
 * {@code EVAL} only after {@code NOSCRIPT}). Cancelling it cancels the command in flight, and no command is sent
 * after it was cancelled.
 *
 * <p>Why the command itself: the client rejects commands while disconnected (see {@link LettuceConnection}), so a
 * command is written as soon as it is issued or fails at once; but one issued on a connection that Lettuce still
 * believes is up (Redis hung, or a network that drops packets without closing) waits unwritten in Lettuce's buffer or
 * the socket's. Lettuce does not write a command that is done, and a cancelled {@code AsyncCommand} is done;
 * cancelling a future derived from the command does not reach it.
 *
 * @param <T> the script's answer
 */
final class ScriptCall<T> extends CompletableFuture<T> {
    private @Nullable RedisFuture<T> inFlight;

    /**
     * Sends a command, unless this call was cancelled, and hands its answer or failure to {@code then}. Lettuce
     * completes a command it could not send exceptionally; an exception thrown while sending fails this call.
     */
    void send(Supplier<RedisFuture<T>> command, BiConsumer<? super T, ? super Throwable> then) {
        RedisFuture<T> sent;
        synchronized (this) {
            if (isCancelled()) {
                return;
            }
            try {
                sent = command.get();
            } catch (RuntimeException e) {
                completeExceptionally(e);
                return;
            }
            inFlight = sent;
        }
        sent.whenComplete(then);
    }

    /** Completes this call with a command's answer, or with its failure when {@code error} is not null. */
    void settle(@Nullable T answer, @Nullable Throwable error) {
        if (error == null) {
            complete(answer);
        } else {
            completeExceptionally(error);
        }
    }

    /** Cancels this call and the Lettuce command it is waiting for, so that Lettuce never writes that command. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        synchronized (this) {
            if (inFlight != null) {
                inFlight.cancel(mayInterruptIfRunning);
            }
        }
        return cancelled;
    }
}
