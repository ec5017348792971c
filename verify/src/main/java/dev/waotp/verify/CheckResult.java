package dev.waotp.verify;

/** What {@link Verifier#check} found; only {@link Approved} lets the user in. */
public sealed interface CheckResult
        permits CheckResult.Approved, CheckResult.WrongCode, CheckResult.Expired,
                CheckResult.TooManyAttempts, CheckResult.NotPending {

    /** The code is right; the verification is used up, so the same code is never approved again. */
    record Approved() implements CheckResult {}

    /**
     * The code is wrong; the attempt was counted.
     *
     * @param attemptsLeft how many more checks this code allows; at 0 it is dead
     */
    record WrongCode(int attemptsLeft) implements CheckResult {}

    /** The code's lifetime is over; start again. */
    record Expired() implements CheckResult {}

    /** The code had no attempts left, so not even the right code is approved; start again. */
    record TooManyAttempts() implements CheckResult {}

    /** No code is pending for this phone: never started, already approved, or its send failed. */
    record NotPending() implements CheckResult {}
}
