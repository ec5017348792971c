package dev.waotp.verify;

import java.util.Objects;

/**
 * The answer of {@link VerificationStore#check}, in a form a store can build from two numbers (as a
 * Redis script returns them); the {@link Verifier} turns it into a {@link CheckResult}.
 *
 * @param outcome what the check found
 * @param attemptsLeft for {@link Outcome#WRONG_CODE}, the checks this code still allows; otherwise 0
 */
public record CheckDecision(Outcome outcome, int attemptsLeft) {

    /** What a check found. */
    public enum Outcome {
        /** The code matched; the verification is consumed. */
        APPROVED,
        /** The code did not match; the attempt was counted. */
        WRONG_CODE,
        /** The verification's lifetime is over; nothing was counted. */
        EXPIRED,
        /** The code's attempts are used up; nothing was counted, not even a right code. */
        TOO_MANY_ATTEMPTS,
        /** No verification for this phone: never started, already approved, or discarded. */
        NOT_PENDING
    }

    /** Checks that {@code attemptsLeft} is only set for a wrong code. */
    public CheckDecision {
        Objects.requireNonNull(outcome, "outcome");
        if (attemptsLeft < 0 || (attemptsLeft > 0 && outcome != Outcome.WRONG_CODE)) {
            throw new IllegalArgumentException(
                    "attemptsLeft: must be 0, or positive for WRONG_CODE only, was " + attemptsLeft);
        }
    }

    /** The outcome with no attempts left, for every outcome but a wrong code. */
    public static CheckDecision of(Outcome outcome) {
        return new CheckDecision(outcome, 0);
    }

    /** A wrong code, with {@code attemptsLeft} checks left for this code. */
    public static CheckDecision wrongCode(int attemptsLeft) {
        return new CheckDecision(Outcome.WRONG_CODE, attemptsLeft);
    }
}
