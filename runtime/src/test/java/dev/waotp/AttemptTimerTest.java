package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The timer that ends blocking attempts: each attempt is cancelled at its own time, however long the
 * timer's thread meant to sleep, and the thread does not outlive the work.
 */
class AttemptTimerTest {
    private static final long SECONDS_10 = TimeUnit.SECONDS.toNanos(10);
    private static final long MILLIS_200 = TimeUnit.MILLISECONDS.toNanos(200);

    @Test
    void anAttemptPastItsTimeIsCancelledAndOneEndedInTimeIsNot() throws Exception {
        AttemptTimer timer = new AttemptTimer(MILLIS_200);
        FakeCall late = new FakeCall();
        FakeCall quick = new FakeCall();

        AttemptTimer.Attempt lateAttempt = timer.start(late, MILLIS_200);
        AttemptTimer.Attempt quickAttempt = timer.start(quick, MILLIS_200);
        quickAttempt.end();

        assertThat(late.cancelled.await(5, TimeUnit.SECONDS)).as("the late call is cancelled").isTrue();
        assertThat(lateAttempt.expired()).isTrue();
        Thread.sleep(300);
        assertThat(quick.isCanceled()).isFalse();
        assertThat(quickAttempt.expired()).isFalse();
        timer.close();
    }

    /** A retry near the deadline is given less than a first attempt: it must not wait for the thread's next look. */
    @Test
    void aShorterAttemptStartedWhileTheThreadSleepsIsCancelledOnTime() throws Exception {
        AttemptTimer timer = new AttemptTimer(SECONDS_10);
        FakeCall first = new FakeCall();
        AttemptTimer.Attempt firstAttempt = timer.start(first, SECONDS_10);
        Thread.sleep(100); // the thread has looked, and sleeps until the first attempt's time

        FakeCall retry = new FakeCall();
        long start = System.nanoTime();
        timer.start(retry, MILLIS_200);

        assertThat(retry.cancelled.await(5, TimeUnit.SECONDS)).as("the retry is cancelled").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(first.isCanceled()).isFalse();
        firstAttempt.end();
        timer.close();
    }

    @Test
    void theThreadEndsAfterCloseOnceTheAttemptsRunningAreDone() throws Exception {
        AttemptTimer timer = new AttemptTimer(SECONDS_10);
        AttemptTimer.Attempt running = timer.start(new FakeCall(), SECONDS_10);
        Thread thread = timer.watcherThread();

        timer.close();
        thread.join(300);
        assertThat(thread.isAlive()).as("still watching the attempt that runs").isTrue();

        running.end();
        thread.join(2_000); // far less than the 10 s the thread would otherwise sleep
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void theThreadEndsByItselfWhenAPeriodPassesWithNothingToWatch() throws Exception {
        AttemptTimer timer = new AttemptTimer(MILLIS_200);
        timer.start(new FakeCall(), MILLIS_200).end();
        Thread thread = timer.watcherThread();

        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();

        // The next attempt starts a new thread, which times it as before.
        FakeCall late = new FakeCall();
        timer.start(late, MILLIS_200);
        assertThat(late.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        timer.close();
    }

    /** Only what the timer uses: cancel. */
    private static final class FakeCall implements Call<Object> {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void cancel() {
            cancelled.countDown();
        }

        @Override
        public boolean isCanceled() {
            return cancelled.getCount() == 0;
        }

        @Override
        public Response<Object> execute() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void enqueue(Callback<Object> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isExecuted() {
            return false;
        }

        @Override
        public Call<Object> clone() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request request() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }
    }
}
