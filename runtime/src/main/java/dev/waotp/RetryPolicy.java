package dev.waotp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failed sends are tried again, how often and after how long. Only 5xx answers and connection
 * failures are retried, never a 4xx (a 429 included: see {@link Builder#retryUnconfirmed}). Waits
 * grow exponentially from {@code initialBackoff} up to {@code maxBackoff}, each with random jitter so
 * that many clients do not retry in step; a {@code Retry-After} the server sends is the wait instead.
 * No retry waits past the client's {@link KaleyraClientBuilder#deadline(Duration) deadline}.
 *
 * <p>A request that may have reached Kaleyra without a clear refusal (a read timeout, a connection
 * dropped mid-answer, a 502/503/504 or any 5xx without a Kaleyra code) may have been delivered;
 * retrying it can deliver the code twice. {@link Builder#retryUnconfirmed(boolean)
 * retryUnconfirmed(false)} makes that at most one delivery.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean retryUnconfirmed;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.retryUnconfirmed = builder.retryUnconfirmed;
    }

    /** Three attempts in all, waiting 100 to 200 ms, then 200 to 400 ms; unconfirmed sends retried. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: every failure is reported at once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the defaults: 3 attempts, 200 ms initial and 2 s maximum backoff. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first included. */
    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The ceiling of the first wait; each wait is half fixed, half random below its ceiling. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The most any wait's ceiling grows to. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Whether sends that may have reached Kaleyra are retried; see {@link Builder#retryUnconfirmed(boolean)}. */
    public boolean retryUnconfirmed() {
        return retryUnconfirmed;
    }

    /** Whether this policy tries a send again after {@code failure}, attempts and deadline aside. */
    boolean retries(KaleyraException failure) {
        if (failure instanceof KaleyraServerException server) {
            // WA500 is Kaleyra's own answer that it did not take the message; any other 5xx may come
            // from a proxy in front of Kaleyra after the message got through.
            return retryUnconfirmed || "WA500".equals(server.code());
        }
        if (failure instanceof KaleyraTransportException transport && transport.getCause() instanceof IOException io) {
            return retryUnconfirmed || neverSent(io);
        }
        return false;
    }

    /** Failures that happen before a byte of the request can have reached Kaleyra. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || (e instanceof SocketTimeoutException
                        && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect"));
    }

    /** Milliseconds to wait before the given attempt (2 for the first retry): half fixed, half random. */
    long delayMillisBefore(int attempt) {
        long ceiling = Math.min(maxBackoff.toMillis(),
                initialBackoff.toMillis() << Math.min(attempt - 2, 30));
        long half = ceiling / 2;
        return half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", retryUnconfirmed=" + retryUnconfirmed + "}";
    }

    /** Collects a policy's settings; {@link #build()} checks them together. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private boolean retryUnconfirmed = true;

        private Builder() {}

        /** Attempts in all, 1 (no retry) to 10. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new InvalidInputException("maxAttempts", "must be 1 to 10, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The ceiling of the first wait, doubled for each next one; not negative. Default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        /** The most a wait's ceiling grows to; not shorter than {@code initialBackoff}. Default 2 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * Whether to retry when the request may have reached Kaleyra without a clear refusal: a read
         * timeout, a connection dropped mid-answer, a 502, 503 or 504, or any 5xx without a Kaleyra
         * code. Default {@code true}. With {@code false} a code is delivered at most once: only
         * connection failures before the request was sent and Kaleyra's own {@code WA500} are retried,
         * trading a rare lost code for never sending one twice.
         *
         * <p>A 429 is never retried either way: it means the account is over its rate, and retrying
         * inside one send only adds to the burst. Its {@link KaleyraApiException#retryAfter()} tells
         * the caller when to try again.
         */
        public Builder retryUnconfirmed(boolean retryUnconfirmed) {
            this.retryUnconfirmed = retryUnconfirmed;
            return this;
        }

        /** @throws InvalidInputException when {@code maxBackoff} is shorter than {@code initialBackoff} */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new InvalidInputException("maxBackoff", "must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative()) {
                throw new InvalidInputException(field, "must not be negative");
            }
            return value;
        }
    }
}
