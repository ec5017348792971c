package dev.waotp.verify.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link VerificationStore#start} and {@link VerificationStore#replace}: the new code is stored (and may
 * be sent), or not, and why.
 */
public sealed interface StartDecision {

    /**
     * The code was stored.
     *
     * @param sendsLeft how many more sends this verification allows, zero or more
     */
    record Started(int sendsLeft) implements StartDecision {
        /** Checks the count. */
        public Started {
            if (sendsLeft < 0) {
                throw new IllegalArgumentException("sendsLeft: must not be negative, was " + sendsLeft);
            }
        }
    }

    /**
     * Nothing changed: the last send was less than the resend wait ago, or the sends are used up.
     *
     * @param retryAfter how long until a start can succeed, positive
     */
    record TooSoon(Duration retryAfter) implements StartDecision {
        /** Checks the wait. */
        public TooSoon {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter: must be positive, was " + retryAfter);
            }
        }
    }

    /**
     * Nothing changed: too many checks failed, and the key is locked.
     *
     * @param until when the lock ends
     */
    record Locked(Instant until) implements StartDecision {
        /** Checks that the end is given. */
        public Locked {
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * The failed message's code was replaced by {@link VerificationStore#replace}; the verification's sends, wait and
     * attempts are as they were.
     *
     * @param expiresAt when the new code stops working: when the code it replaced would have
     */
    record Replaced(Instant expiresAt) implements StartDecision {
        /** Checks that the expiry is given. */
        public Replaced {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Nothing changed: the failed message a replacement was asked for is no longer the key's pending code. */
    record Superseded() implements StartDecision {}
}
