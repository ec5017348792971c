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
 * Runs calls to the store and the rate limiter with a time limit, so a store that hangs fails the
 * start or check with {@link VerificationStoreException} instead of holding the caller. The calls run
 * on a bounded pool of daemon threads that go away when idle; when every thread is stuck on a hung
 * store, further calls fail at once rather than piling up.
 */
final class TimedCalls {
    private static final int MAX_THREADS = 256;
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
            throw new VerificationStoreException(what + " is not answering: " + MAX_THREADS + " calls are waiting on it", e);
        }
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new VerificationStoreException(what + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VerificationStoreException storeFailure) {
                throw storeFailure;
            }
            throw new VerificationStoreException(what + " failed: " + cause.getClass().getName(), cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new VerificationStoreException("interrupted while waiting for " + what, e);
        }
    }
}
