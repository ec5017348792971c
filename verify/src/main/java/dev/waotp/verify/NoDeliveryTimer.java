package dev.waotp.verify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the no-delivery fallback check a fixed time after each WhatsApp send, on one daemon thread of
 * this instance. The check itself is a store step, so whichever instance and whichever trigger comes
 * first, a message falls back once.
 */
final class NoDeliveryTimer {
    private final Duration wait;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "waotp-verify-no-delivery");
        thread.setDaemon(true);
        return thread;
    });

    NoDeliveryTimer(Duration wait) {
        this.wait = wait;
    }

    void schedule(Runnable check) {
        timer.schedule(check, wait.toNanos(), TimeUnit.NANOSECONDS);
    }
}
