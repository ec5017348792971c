package dev.waotp.verify.spi;

import dev.waotp.DeliveryState;
import org.jspecify.annotations.Nullable;

/**
 * The order delivery states move in, whatever order their callbacks arrive in: {@code sent} before
 * {@code delivered} before {@code read}; a failure ends a message that was not delivered, and nothing
 * moves a message on from a failure. Every store applies this rule in {@link VerificationStore#recordDelivery};
 * a store that compares inside its server (the Redis script) is given {@link #rank} rather than a table of
 * its own.
 */
public final class DeliveryOrder {
    private DeliveryOrder() {}

    /** Whether {@code next} replaces {@code current}. */
    public static boolean advances(@Nullable DeliveryState current, DeliveryState next) {
        if (current == null) {
            return true;
        }
        if (current.isFailure()) {
            return false;
        }
        if (next.isFailure()) {
            return current == DeliveryState.SENT;
        }
        return rank(next) > rank(current);
    }

    /**
     * The state's place in the order: {@code sent} 1, {@code delivered} 2, {@code read} 3, a failure 4.
     * A higher rank advances, except that a failure replaces only {@code sent} and nothing replaces a failure.
     */
    public static int rank(DeliveryState state) {
        return switch (state) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED, NOT_SENT -> 4;
        };
    }
}
