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
import java.util.function.Supplier;

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
        Future<T> answer;
        try {
            answer = pool.submit(call::get);
        } catch (RejectedExecutionException e) {
            throw new VerificationStoreException(STORAGE + " is not answering: " + MAX_THREADS + " calls are waiting on it", e);
        }
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
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
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new VerificationStoreException("interrupted while waiting for " + STORAGE + " (" + what + ")", e);
        }
    }
}
