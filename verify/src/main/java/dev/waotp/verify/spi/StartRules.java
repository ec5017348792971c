package dev.waotp.verify.spi;

import dev.waotp.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link VerificationStore#start} enforces: how long a code lives, how long to wait between
 * sends, and how many sends one verification allows.
 *
 * @param lifetime how long a sent code can be checked; positive
 * @param resendAfter the least time between two sends to one phone; zero or more
 * @param maxSends sends per verification, the first included; at least 1
 */
public record StartRules(Duration lifetime, Duration resendAfter, int maxSends) {

    /** Checks the rules; each error names the field. */
    public StartRules {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(resendAfter, "resendAfter");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidInputException("lifetime", "must be positive, was " + lifetime);
        }
        if (resendAfter.isNegative()) {
            throw new InvalidInputException("resendAfter", "must not be negative, was " + resendAfter);
        }
        if (maxSends < 1) {
            throw new InvalidInputException("maxSends", "must be at least 1, was " + maxSends);
        }
    }
}
