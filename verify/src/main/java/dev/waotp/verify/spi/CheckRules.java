package dev.waotp.verify.spi;

import dev.waotp.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link VerificationStore#check} enforces besides the code itself.
 *
 * @param maxAttempts checks allowed per code, at least 1; past them the code is dead
 * @param maxFailures failed checks allowed per key across codes before it is locked, at least 1
 * @param lockout how long a key stays locked once {@code maxFailures} is reached, positive
 * @param failureMemory how long failed checks are remembered after the last one, when no approval
 *     resets them first; at least {@code lockout}
 */
public record CheckRules(int maxAttempts, int maxFailures, Duration lockout, Duration failureMemory) {

    /** Checks the rules; each error names the field. */
    public CheckRules {
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(failureMemory, "failureMemory");
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts", "must be at least 1, was " + maxAttempts);
        }
        if (maxFailures < 1) {
            throw new InvalidInputException("maxFailures", "must be at least 1, was " + maxFailures);
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new InvalidInputException("lockout", "must be positive, was " + lockout);
        }
        if (failureMemory.compareTo(lockout) < 0) {
            throw new InvalidInputException("failureMemory", "must be at least the lockout, was " + failureMemory);
        }
    }
}
