package dev.waotp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a message stands, as a Kaleyra status callback reports it
 * (https://developers.kaleyra.io/docs/whatsapp-status).
 */
public enum DeliveryState {
    /** Meta accepted the message for delivery. */
    SENT("sent", false),
    /** The message reached the user's WhatsApp. */
    DELIVERED("delivered", false),
    /** The user opened it (only when the user has read receipts on). */
    READ("read", false),
    /** Meta or the user's side could not deliver it; the event carries Meta's error. */
    FAILED("failed", true),
    /** Kaleyra never passed the message to Meta (for example, the account's daily limit). */
    NOT_SENT("not-sent", true);

    private final String wireValue;
    private final boolean terminalFailure;

    DeliveryState(String wireValue, boolean terminalFailure) {
        this.wireValue = wireValue;
        this.terminalFailure = terminalFailure;
    }

    /** As Kaleyra's status table spells it, lower case: {@code sent}, ..., {@code not-sent}. */
    public String wireValue() {
        return wireValue;
    }

    /** {@code true} for {@link #FAILED} and {@link #NOT_SENT}: this message will not reach the user. */
    public boolean isFailure() {
        return terminalFailure;
    }

    /**
     * The state a callback's {@code status} names, in any case; Kaleyra's pages write Kaleyra's own
     * status both {@code not-sent} (status table) and {@code not sent} (daily-limit callback sample).
     * {@code null} for anything else.
     */
    static @Nullable DeliveryState parse(String status) {
        String normalized = status.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (DeliveryState state : values()) {
            if (state.wireValue.equals(normalized)) {
                return state;
            }
        }
        return null;
    }
}
