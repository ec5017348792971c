package dev.waotp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import okio.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One send, tried as often as the {@link RetryPolicy} and the deadline allow, blocking or
 * asynchronously. Every way it can end is a {@link SendResult} or a {@link KaleyraException}, reported
 * once to the {@link SendListener}.
 */
final class SendExecution {
    private static final Logger log = LoggerFactory.getLogger(KaleyraClient.class);

    private final Supplier<Call<ResponseBody>> calls;
    private final RetryPolicy policy;
    private final ResponseReader reader;
    private final Outgoing message;
    private final SendListener listener;
    private final BooleanSupplier closed;
    private final long startNanos = System.nanoTime();
    private final Duration deadline;
    private final long deadlineNanos;
    /** The listener hears one outcome, even when the deadline and an answer race. */
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();

    SendExecution(Supplier<Call<ResponseBody>> calls, RetryPolicy policy, ResponseReader reader,
            Outgoing message, Duration deadline, SendListener listener, BooleanSupplier closed) {
        this.calls = calls;
        this.policy = policy;
        this.reader = reader;
        this.message = message;
        this.listener = listener;
        this.closed = closed;
        this.deadline = deadline;
        this.deadlineNanos = startNanos + deadline.toNanos();
    }

    /** @param timer ends each attempt at its call timeout or the deadline, whichever comes first */
    SendResult execute(AttemptTimer timer) {
        try {
            SendResult result = attemptUntilDone(timer);
            reportSent(result);
            return result;
        } catch (KaleyraException e) {
            reportFailed(e);
            throw e;
        }
    }

    private SendResult attemptUntilDone(AttemptTimer timer) {
        for (int attempt = 1; ; attempt++) {
            logAttempt(attempt);
            KaleyraException failure;
            Call<ResponseBody> call = calls.get();
            AttemptTimer.Attempt timed = timer.start(call, timeoutOfBlocking(call));
            try {
                // The answer is read before the attempt ends: a body that stalls is cut off in time too.
                return accepted(read(call.execute()));
            } catch (KaleyraServerException e) {
                failure = e;
            } catch (IOException e) {
                failure = transportFailure(timed.expired() ? timedOut(e) : e, attempt);
            } finally {
                timed.end();
            }
            long delay = retryDelay(attempt, failure);
            if (delay < 0) {
                throw failure;
            }
            sleep(delay, attempt);
            if (closed.getAsBoolean()) {
                throw closedWhileWaiting();
            }
        }
    }

    /**
     * @param timer ends the send at its deadline: OkHttp starts an async call's timeout only when the
     *     call leaves the dispatcher's queue, so a send queued behind others needs a clock of its own
     */
    CompletableFuture<SendResult> enqueue(ScheduledExecutorService timer) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        AtomicReference<Call<ResponseBody>> inFlight = new AtomicReference<>();
        ScheduledFuture<?> expiry = timer.schedule(() -> expire(result),
                deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        // However the future ends (our answer, the deadline, cancel, orTimeout, completeExceptionally),
        // no request may follow: cancelling a call that already finished does nothing.
        result.whenComplete((ignored, error) -> {
            expiry.cancel(false);
            Call<ResponseBody> call = inFlight.get();
            if (call != null) {
                call.cancel();
            }
        });
        attempt(1, result, inFlight);
        return result;
    }

    private void expire(CompletableFuture<SendResult> result) {
        if (!result.isDone()) {
            fail(result, new KaleyraTransportException("no answer from Kaleyra within the deadline ("
                    + deadline + ") for " + description(), attempts.get(), null));
        }
    }

    private void attempt(int attempt, CompletableFuture<SendResult> result,
            AtomicReference<Call<ResponseBody>> inFlight) {
        if (closed.getAsBoolean()) {
            result.completeExceptionally(closedWhileWaiting());
            return;
        }
        Call<ResponseBody> call = withinDeadline(calls.get());
        inFlight.set(call);
        // Checked after publishing the call: a caller who ends the future from now on cancels it.
        if (result.isDone()) {
            return;
        }
        logAttempt(attempt);
        attempts.set(attempt);
        call.enqueue(new Callback<>() {
            @Override
            public void onResponse(Call<ResponseBody> call, Response<ResponseBody> response) {
                try {
                    succeed(result, accepted(read(response)));
                } catch (KaleyraServerException e) {
                    retryOrFail(attempt, e, result, inFlight);
                } catch (KaleyraException e) {
                    fail(result, e);
                } catch (RuntimeException e) {
                    fail(result, new KaleyraException("unexpected failure reading the answer", e));
                }
            }

            @Override
            public void onFailure(Call<ResponseBody> call, Throwable t) {
                if (result.isDone()) {
                    return; // ended by the caller: nothing is waiting for this attempt
                }
                if (t instanceof IOException e) {
                    retryOrFail(attempt, transportFailure(e, attempt), result, inFlight);
                } else {
                    fail(result, new KaleyraException("unexpected failure sending", t));
                }
            }
        });
    }

    private void retryOrFail(int attempt, KaleyraException failure, CompletableFuture<SendResult> result,
            AtomicReference<Call<ResponseBody>> inFlight) {
        long delay = retryDelay(attempt, failure);
        if (delay < 0) {
            fail(result, failure);
            return;
        }
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                .execute(() -> attempt(attempt + 1, result, inFlight));
    }

    private void succeed(CompletableFuture<SendResult> result, SendResult sent) {
        reportSent(sent);
        result.complete(sent);
    }

    private void fail(CompletableFuture<SendResult> result, KaleyraException failure) {
        reportFailed(failure);
        result.completeExceptionally(failure);
    }

    /**
     * Milliseconds to wait before the next attempt, or -1 when {@code failure} ends the send: the
     * policy does not retry it, the attempts are used up, or the wait would pass the deadline. A
     * {@code Retry-After} from the server is the wait when there is one.
     */
    private long retryDelay(int attempt, KaleyraException failure) {
        if (attempt >= policy.maxAttempts() || !policy.retries(failure)) {
            return -1;
        }
        Duration asked = failure instanceof KaleyraApiException api ? api.retryAfter() : null;
        long delay = asked != null ? asked.toMillis() : policy.delayMillisBefore(attempt + 1);
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (delay >= left) {
            log.warn("Sending {} failed ({}); not retrying: waiting {} ms would pass the deadline",
                    description(), failure.getMessage(), delay);
            return -1;
        }
        log.warn("Sending {} failed ({}); retrying in {} ms, attempt {}/{}",
                description(), failure.getMessage(), delay, attempt + 1, policy.maxAttempts());
        return delay;
    }

    /**
     * What this blocking attempt may take: what is left of the deadline, and no more than the call
     * timeout. OkHttp's own timeout is switched off for it, since {@link AttemptTimer} keeps time instead.
     */
    private long timeoutOfBlocking(Call<ResponseBody> call) {
        long left = Math.max(deadlineNanos - System.nanoTime(), 1);
        Timeout timeout = call.timeout();
        long callTimeout = timeout.timeoutNanos();
        timeout.timeout(0, TimeUnit.NANOSECONDS);
        return callTimeout == 0 ? left : Math.min(left, callTimeout);
    }

    /** The failure of an attempt the timer cancelled, told as OkHttp tells its own call timeout. */
    private static IOException timedOut(IOException cancelled) {
        InterruptedIOException timeout = new InterruptedIOException("timeout");
        timeout.initCause(cancelled);
        return timeout;
    }

    /** Each async attempt may take what is left of the deadline, and no more than the call timeout. */
    private Call<ResponseBody> withinDeadline(Call<ResponseBody> call) {
        long left = Math.max(deadlineNanos - System.nanoTime(), 1);
        Timeout timeout = call.timeout();
        if (timeout.timeoutNanos() == 0 || left < timeout.timeoutNanos()) {
            timeout.timeout(left, TimeUnit.NANOSECONDS);
        }
        return call;
    }

    /** Checked first: the arguments cost more than the call when debug is off, as it is on a hot path. */
    private void logAttempt(int attempt) {
        if (log.isDebugEnabled()) {
            log.debug("Sending {} (attempt {}/{})", description(), attempt, policy.maxAttempts());
        }
    }

    /** For logs and messages: what is sent and to whom, masked. Built only when needed. */
    private String description() {
        return message.description();
    }

    private SendResult read(Response<ResponseBody> response) {
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
            Duration retryAfter = RetryAfter.parse(response.headers().get(RetryAfter.HEADER), Instant.now());
            return reader.read(response.code(), retryAfter, body);
        }
    }

    private SendResult accepted(SendResult result) {
        if (log.isDebugEnabled()) {
            log.debug("Sent {}: {} message_ids={}", description(), result.code(), result.messageIds());
        }
        return result;
    }

    private void reportSent(SendResult result) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        try {
            message.reportSent(listener, result, elapsed());
        } catch (RuntimeException e) {
            log.warn("SendListener.sent threw; ignored", e);
        }
    }

    private void reportFailed(KaleyraException failure) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        try {
            message.reportFailed(listener, failure, elapsed());
        } catch (RuntimeException e) {
            log.warn("SendListener.failed threw; ignored", e);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private KaleyraTransportException transportFailure(IOException e, int attempt) {
        String what = e instanceof SocketTimeoutException || "timeout".equals(e.getMessage())
                ? "no answer from Kaleyra in time for " : "could not reach Kaleyra for ";
        return new KaleyraTransportException(what + description() + ": " + e, attempt, e);
    }

    private IllegalStateException closedWhileWaiting() {
        return new IllegalStateException("KaleyraClient was closed while sending " + description()
                + " waited to retry; nothing more was sent");
    }

    private void sleep(long delay, int attempt) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KaleyraTransportException("interrupted while waiting to retry " + description(), attempt, e);
        }
    }
}
