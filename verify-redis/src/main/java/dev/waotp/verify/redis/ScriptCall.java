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
 * <p>Why the command itself: while disconnected, Lettuce (autoReconnect, {@code DisconnectedBehavior.DEFAULT})
 * holds commands in its buffer and writes them once it has reconnected, and it re-queues commands written but not
 * answered when the connection broke. Lettuce 7.7's {@code DefaultEndpoint} drops commands that are done (a
 * cancelled {@code AsyncCommand} is) when it flushes that buffer, and {@code CommandHandler} does not write them;
 * cancelling a future derived from the command does not reach it. {@code DisconnectedBehavior.REJECT_COMMANDS}
 * would fail every command instead of holding it, but it is an option of the application's client, which it may
 * rely on for its own commands; cancelling our own commands needs nothing from the application.
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
