package dev.waotp.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Verifier#check} found; only {@link Approved} lets the user in. Stores return it too: one
 * model of a check's outcome from the store to the caller ({@link RateLimited} excepted, which the
 * verifier answers before it asks the store).
 */
public sealed interface CheckResult
        permits CheckResult.Approved, CheckResult.WrongCode, CheckResult.Expired,
                CheckResult.TooManyAttempts, CheckResult.NotPending, CheckResult.Locked,
                CheckResult.RateLimited {

    /** The code is right; the verification is used up, so the same code is never approved again. */
    record Approved() implements CheckResult {}

    /**
     * The code is wrong; the attempt and the failure were counted.
     *
     * @param attemptsLeft how many more checks this code allows; at 0 it is dead
     */
    record WrongCode(int attemptsLeft) implements CheckResult {
        /** Checks the count. */
        public WrongCode {
            if (attemptsLeft < 0) {
                throw new IllegalArgumentException("attemptsLeft: must not be negative, was " + attemptsLeft);
            }
        }
    }

    /** The code's lifetime is over; start again. */
    record Expired() implements CheckResult {}

    /** The code had no attempts left, so not even the right code is approved; start again. */
    record TooManyAttempts() implements CheckResult {}

    /** No code is pending for this phone and purpose: never started, already approved, or its send failed. */
    record NotPending() implements CheckResult {}

    /**
     * Too many checks failed for this phone and purpose, across codes: nothing is checked or sent
     * until the lock ends. The check that reached the limit answers this too.
     *
     * @param until when checks and starts are allowed again
     */
    record Locked(Instant until) implements CheckResult {
        /** Checks that the end is given. */
        public Locked {
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * Nothing was checked: the caller's check limit ({@link RateLimit#CALLER_CHECKS}) refused, before the
     * store was asked, so no attempt or failure was counted for the phone.
     *
     * @param limit the limit that refused
     * @param retryAfter how long until that limit allows a check again
     */
    record RateLimited(RateLimit limit, Duration retryAfter) implements CheckResult {
        /** Checks that no field is null. */
        public RateLimited {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
