package dev.waotp.verify;

import dev.waotp.DeliveryState;
import org.jspecify.annotations.Nullable;

/**
 * The order delivery states move in, whatever order their callbacks arrive in: {@code sent} before
 * {@code delivered} before {@code read}; a failure ends a message that was not delivered, and nothing
 * moves a message on from a failure. Every store applies the same rule (the Redis script spells out the
 * same ranks).
 */
final class DeliveryOrder {
    private DeliveryOrder() {}

    /** Whether {@code next} replaces {@code current}. */
    static boolean advances(@Nullable DeliveryState current, DeliveryState next) {
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

    private static int rank(DeliveryState state) {
        return switch (state) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED, NOT_SENT -> 4;
        };
    }
}
