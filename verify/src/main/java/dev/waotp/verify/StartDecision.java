package dev.waotp.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link VerificationStore#start}: the new code is stored (and may be sent), or the
 * phone must wait.
 *
 * @param started whether the code was stored
 * @param sendsLeft when started, how many more sends this verification allows; otherwise 0
 * @param retryAfter when refused, how long until a start can succeed (the resend wait, or the
 *     verification's expiry once its sends are used up); otherwise zero
 */
public record StartDecision(boolean started, int sendsLeft, Duration retryAfter) {

    /** Checks that the fields fit together. */
    public StartDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (sendsLeft < 0) {
            throw new IllegalArgumentException("sendsLeft: must not be negative, was " + sendsLeft);
        }
        if (started ? !retryAfter.isZero() : sendsLeft != 0 || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException(started
                    ? "retryAfter: must be zero when started"
                    : "a refusal has no sendsLeft and a positive retryAfter");
        }
    }

    /** The code was stored; {@code sendsLeft} more sends are allowed. */
    public static StartDecision started(int sendsLeft) {
        return new StartDecision(true, sendsLeft, Duration.ZERO);
    }

    /** Nothing changed; a start can succeed after {@code retryAfter}. */
    public static StartDecision tooSoon(Duration retryAfter) {
        return new StartDecision(false, 0, retryAfter);
    }
}
