package dev.waotp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One send, tried as often as the {@link RetryPolicy} allows, blocking or asynchronously. Every way it
 * can end is a {@link SendResult} or a {@link KaleyraException}.
 */
final class SendExecution {
    private static final Logger log = LoggerFactory.getLogger(KaleyraClient.class);

    private final Supplier<Call<ResponseBody>> calls;
    private final RetryPolicy policy;
    private final ResponseReader reader;
    private final AuthMessage message;

    SendExecution(Supplier<Call<ResponseBody>> calls, RetryPolicy policy, ResponseReader reader,
            AuthMessage message) {
        this.calls = calls;
        this.policy = policy;
        this.reader = reader;
        this.message = message;
    }

    SendResult execute() {
        for (int attempt = 1; ; attempt++) {
            logAttempt(attempt);
            String failure;
            try {
                return accepted(read(calls.get().execute()));
            } catch (KaleyraServerException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw e;
                }
                failure = e.getMessage();
            } catch (IOException e) {
                if (!mayRetry(e, attempt)) {
                    throw transportFailure(e, attempt);
                }
                failure = e.toString();
            }
            sleepBefore(attempt + 1, failure);
        }
    }

    CompletableFuture<SendResult> enqueue() {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        AtomicReference<Call<ResponseBody>> inFlight = new AtomicReference<>();
        result.whenComplete((ignored, error) -> {
            Call<ResponseBody> call = inFlight.get();
            if (result.isCancelled() && call != null) {
                call.cancel();
            }
        });
        enqueue(1, result, inFlight);
        return result;
    }

    private void enqueue(int attempt, CompletableFuture<SendResult> result,
            AtomicReference<Call<ResponseBody>> inFlight) {
        if (result.isDone()) {
            return;
        }
        logAttempt(attempt);
        Call<ResponseBody> call = calls.get();
        inFlight.set(call);
        call.enqueue(new Callback<>() {
            @Override
            public void onResponse(Call<ResponseBody> call, Response<ResponseBody> response) {
                try {
                    result.complete(accepted(read(response)));
                } catch (KaleyraServerException e) {
                    if (attempt >= policy.maxAttempts()) {
                        result.completeExceptionally(e);
                    } else {
                        retryLater(attempt, e.getMessage(), result, inFlight);
                    }
                } catch (KaleyraException e) {
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    onFailure(call, e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new KaleyraException("unexpected failure reading the answer", e));
                }
            }

            @Override
            public void onFailure(Call<ResponseBody> call, Throwable t) {
                if (result.isDone()) {
                    return; // cancelled by the caller: nothing is waiting for this attempt
                }
                if (!(t instanceof IOException e)) {
                    result.completeExceptionally(new KaleyraException("unexpected failure sending", t));
                } else if (mayRetry(e, attempt)) {
                    retryLater(attempt, e.toString(), result, inFlight);
                } else {
                    result.completeExceptionally(transportFailure(e, attempt));
                }
            }
        });
    }

    private void retryLater(int attempt, String failure, CompletableFuture<SendResult> result,
            AtomicReference<Call<ResponseBody>> inFlight) {
        long delay = delayBefore(attempt + 1, failure);
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
        later.execute(() -> enqueue(attempt + 1, result, inFlight));
    }

    /** Checked first: the arguments cost more than the call when debug is off, as it is on a hot path. */
    private void logAttempt(int attempt) {
        if (log.isDebugEnabled()) {
            log.debug("Sending {} (attempt {}/{})", description(), attempt, policy.maxAttempts());
        }
    }

    /** For logs and messages: the template and the recipients, masked. Built only when needed. */
    private String description() {
        return message.template().name() + " to " + Redaction.phoneNumbers(message.recipients());
    }

    private SendResult read(Response<ResponseBody> response) throws IOException {
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
            return reader.read(response.code(), body);
        }
    }

    private SendResult accepted(SendResult result) {
        if (log.isDebugEnabled()) {
            log.debug("Sent {}: {} message_id={}", description(), result.code(), result.messageId());
        }
        return result;
    }

    private boolean mayRetry(IOException e, int attempt) {
        return attempt < policy.maxAttempts() && (policy.retryUnconfirmed() || neverSent(e));
    }

    /** Failures that happen before a byte of the request can have reached Kaleyra. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect"));
    }

    private KaleyraTransportException transportFailure(IOException e, int attempt) {
        String what = e instanceof SocketTimeoutException || "timeout".equals(e.getMessage())
                ? "no answer from Kaleyra in time for " : "could not reach Kaleyra for ";
        return new KaleyraTransportException(what + description() + ": " + e, attempt, e);
    }

    private long delayBefore(int nextAttempt, String failure) {
        long delay = policy.delayMillisBefore(nextAttempt);
        log.warn("Sending {} failed ({}); retrying in {} ms, attempt {}/{}",
                description(), failure, delay, nextAttempt, policy.maxAttempts());
        return delay;
    }

    private void sleepBefore(int nextAttempt, String failure) {
        try {
            Thread.sleep(delayBefore(nextAttempt, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KaleyraTransportException("interrupted while waiting to retry " + description(),
                    nextAttempt - 1, e);
        }
    }
}
