package dev.waotp.verify;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the verifier's timeout. Runs calls to the store and the rate limits with a time
 * limit (the backends get the same timeout, to cancel their own commands, but never a setting of their
 * own), so a store that hangs fails the
 * start or check with {@link VerificationStoreException} instead of holding the caller. The calls run
 * on a bounded pool of daemon threads that go away when idle; when every thread is stuck on a hung
 * store, further calls fail at once rather than piling up.
 */
final class TimedCalls {
    private static final int MAX_THREADS = 256;
    /**
     * One name for the store and the rate limits alike, so that one outage of a backend that holds both (Redis)
     * reads as one message, whichever call met it first.
     */
    private static final String STORAGE = "the verification storage";
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(TimedCalls.class);
    private static final int WAITING = 0;
    private static final int ANSWERED = 1;
    private static final int ABANDONED = 2;

    private final Duration timeout;
    private final ThreadPoolExecutor pool;

    TimedCalls(Duration timeout) {
        this.timeout = timeout;
        String prefix = "waotp-verify-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The answer of {@code call}, or {@link VerificationStoreException} naming {@code what} when it
     * throws, takes longer than the timeout, or cannot start. Only the failure's type goes into the
     * message; the failure itself is the cause.
     */
    <T> T call(String what, Supplier<T> call) {
        return call(what, call, late -> { });
    }

    /**
     * As {@link #call(String, Supplier)}; and when {@code call} answers after its caller was told it failed,
     * {@code undo} gets that answer, to take back what the call did (tokens it took, a code it stored): a call
     * answered as failed must have changed nothing. An answer is either handed to the caller or to {@code undo},
     * never both and never neither: the one that comes first, the answer or the timeout, decides.
     */
    <T> T call(String what, Supplier<T> call, Consumer<? super T> undo) {
        AtomicInteger state = new AtomicInteger(WAITING);
        Future<T> answer;
        try {
            answer = pool.submit(() -> {
                T value = call.get();
                if (!state.compareAndSet(WAITING, ANSWERED)) {
                    undoQuietly(undo, value);
                }
                return value;
            });
        } catch (RejectedExecutionException e) {
            throw new VerificationStoreException(STORAGE + " is not answering: " + MAX_THREADS + " calls are waiting on it", e);
        }
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!state.compareAndSet(WAITING, ABANDONED)) {
                return settled(answer);
            }
            answer.cancel(true);
            throw new VerificationStoreException(STORAGE + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VerificationStoreException storeFailure) {
                throw storeFailure;
            }
            if (cause instanceof io.github.bucket4j.TimeoutException) {
                // Bucket4j is given this same timeout to cancel its own commands, and may see it pass first.
                throw new VerificationStoreException(STORAGE + " did not answer within " + timeout.toMillis() + " ms", cause);
            }
            throw new VerificationStoreException(STORAGE + " failed (" + what + "): " + VerificationStoreException.summary(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!state.compareAndSet(WAITING, ABANDONED)) {
                return settled(answer);
            }
            answer.cancel(true);
            throw new VerificationStoreException("interrupted while waiting for " + STORAGE + " (" + what + ")", e);
        }
    }

    /** The answer of a call that has answered already, its task only finishing its return. */
    private static <T> T settled(Future<T> answer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return answer.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a call that answered cannot fail", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> void undoQuietly(Consumer<? super T> undo, T late) {
        try {
            undo.accept(late);
        } catch (RuntimeException e) {
            log.warn("Could not take back a call that answered after its caller was told it failed: {}",
                    VerificationStoreException.summary(e));
        }
    }
}
