package dev.waotp;

/**
 * Hears each delivery status that a {@link CallbackHandler} accepted: authenticated and well formed.
 * Called on the thread that handles the callback request, once per status in the callback.
 *
 * <p>Kaleyra may post the same status more than once and statuses out of order, and may post one
 * for a message this instance never sent: make the listener idempotent and let a later
 * {@link DeliveryState#isFailure() failure} win over a stale {@link DeliveryState#DELIVERED}. An
 * exception thrown here reaches the server, which answers 5xx, so that Kaleyra tries again.
 */
@FunctionalInterface
public interface DeliveryListener {
    /** One accepted status. */
    void onStatus(DeliveryStatus status);
}
