package dev.waotp;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failed sends are tried again, how often and after how long. Only Kaleyra 5xx answers and
 * connection failures are retried, never a 4xx. Waits grow exponentially from {@code initialBackoff}
 * up to {@code maxBackoff}, each with random jitter so that many clients do not retry in step.
 *
 * <p>A request that timed out while waiting for the answer may have been delivered already; retrying
 * it can deliver the code twice. {@link Builder#retryUnconfirmed(boolean) retryUnconfirmed(false)}
 * retries only failures where the request surely never reached Kaleyra.
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

    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public boolean retryUnconfirmed() {
        return retryUnconfirmed;
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

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * Whether to retry when the request may have reached Kaleyra but no answer came (a read
         * timeout, a connection dropped mid-answer). Default {@code true}; {@code false} trades a rare
         * lost code for never sending one twice.
         */
        public Builder retryUnconfirmed(boolean retryUnconfirmed) {
            this.retryUnconfirmed = retryUnconfirmed;
            return this;
        }

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
