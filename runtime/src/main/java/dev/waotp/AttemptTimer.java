package dev.waotp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Cancels blocking attempts that outlive their time (the call timeout, or what is left of the send's
 * deadline), as OkHttp's own call timeout would, without waking a thread for every attempt.
 *
 * <p>OkHttp's call timeout is an Okio {@code AsyncTimeout}: each call that enters it goes to the head
 * of a queue shared by the whole JVM and wakes its watchdog thread, a futex wake-up and a context
 * switch per request. A profile of {@code PayloadBenchmark} put about half of a send's CPU there
 * (docs/BENCHMARKS.md). Here an attempt only joins a set. One daemon thread sleeps until the earliest
 * expiry it knows of, and never longer than {@code periodNanos}, the time a first attempt is given:
 * an attempt that starts while it sleeps is due no earlier than its next look, so it needs no
 * wake-up. Only an attempt given less (a retry close to the deadline) wakes it.
 *
 * <p>The thread starts with the first attempt and ends once a whole period passed with nothing to
 * watch, or, after {@link #close()}, once the attempts still running are done.
 */
final class AttemptTimer {
    /** As if the thread's next look were far off: every attempt that starts during a scan wakes it. */
    private static final long SCANNING = Long.MAX_VALUE / 2;

    private final long periodNanos;
    private final Set<Attempt> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> watcher = new AtomicReference<>();
    /** When the watcher looks at {@link #running} next, in {@link System#nanoTime()}. */
    private volatile long nextLook;
    /** Set by every start, cleared by every look: whether the period just past saw any attempt. */
    private volatile boolean busy;
    private volatile boolean closed;

    /** @param periodNanos the time a first attempt is given: the call timeout or the deadline, the shorter */
    AttemptTimer(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /** Watches {@code call} from now on: it is cancelled once {@code timeoutNanos} pass before {@link Attempt#end()}. */
    Attempt start(Call<?> call, long timeoutNanos) {
        Attempt attempt = new Attempt(call, System.nanoTime() + timeoutNanos);
        running.add(attempt);
        if (!busy) {
            busy = true;
        }
        Thread thread = watcher.get();
        if (thread == null) {
            startWatcher();
        } else if (attempt.expiresAt - nextLook < 0) {
            LockSupport.unpark(thread);
        }
        return attempt;
    }

    /** Ends the thread once the attempts now running are done; attempts started later are still watched. */
    void close() {
        closed = true;
        wakeWatcher();
    }

    /** For tests: the thread watching now, if there is one. */
    @Nullable Thread watcherThread() {
        return watcher.get();
    }

    private void wakeWatcher() {
        Thread thread = watcher.get();
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void startWatcher() {
        Thread thread = new Thread(this::watch, "waotp-attempt-timer");
        thread.setDaemon(true);
        if (watcher.compareAndSet(null, thread)) {
            thread.start();
        }
    }

    private void watch() {
        Thread self = Thread.currentThread();
        while (true) {
            nextLook = System.nanoTime() + SCANNING;
            boolean active = busy;
            busy = false;
            long now = System.nanoTime();
            long next = now + periodNanos;
            for (Attempt attempt : running) {
                if (attempt.expiresAt - now <= 0) {
                    running.remove(attempt);
                    attempt.expire();
                } else if (attempt.expiresAt - next < 0) {
                    next = attempt.expiresAt;
                }
            }
            if (running.isEmpty() && (closed || !active)) {
                watcher.set(null);
                // A start that saw this thread before it let go is in the set by now: take it back and go on.
                if (running.isEmpty() || !watcher.compareAndSet(null, self)) {
                    return;
                }
                continue;
            }
            nextLook = next;
            LockSupport.parkNanos(this, next - System.nanoTime());
        }
    }

    /** One attempt being watched. */
    final class Attempt {
        private final Call<?> call;
        private final long expiresAt;
        private volatile boolean expired;

        private Attempt(Call<?> call, long expiresAt) {
            this.call = call;
            this.expiresAt = expiresAt;
        }

        private void expire() {
            expired = true;
            call.cancel();
        }

        /** The attempt is over, its answer read or given up: nothing more to cancel. */
        void end() {
            running.remove(this);
            if (closed) {
                wakeWatcher(); // it may be the last one the thread waits for
            }
        }

        /** Whether the timer cancelled the call: its failure is a timeout, as OkHttp reports its own. */
        boolean expired() {
            return expired;
        }
    }
}
