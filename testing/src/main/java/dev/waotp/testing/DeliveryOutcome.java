package dev.waotp.testing;

import dev.waotp.DeliveryState;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the stub's Kaleyra reports for a message to one number: the statuses it posts, in order, and
 * the error of a failure.
 *
 * @param states the statuses posted, in the order Kaleyra would post them
 * @param errorCode Meta's error code of a {@code failed} (for example {@code 131026}), or Kaleyra's
 *     code of a {@code not sent} (for example {@code WAV2101}); {@code null} otherwise
 * @param errorTitle Meta's error title or Kaleyra's reason, with {@code errorCode}
 */
public record DeliveryOutcome(List<DeliveryState> states, @Nullable String errorCode, @Nullable String errorTitle) {
    /** Copies the list and checks it is not empty. */
    public DeliveryOutcome {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("an outcome posts at least one status");
        }
    }

    /** The default: {@code sent}, then {@code delivered}. */
    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(List.of(DeliveryState.SENT, DeliveryState.DELIVERED), null, null);
    }

    /** {@code sent}, {@code delivered}, then {@code read}. */
    public static DeliveryOutcome read() {
        return new DeliveryOutcome(List.of(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ), null, null);
    }

    /**
     * Meta could not deliver: one {@code failed} with Meta's error, for example
     * {@code failed(131026, "Message undeliverable")} for a number without WhatsApp.
     */
    public static DeliveryOutcome failed(int metaErrorCode, String title) {
        return new DeliveryOutcome(List.of(DeliveryState.FAILED), Integer.toString(metaErrorCode),
                Objects.requireNonNull(title, "title"));
    }

    /**
     * Kaleyra did not pass the message to Meta: one {@code not sent}, for example
     * {@code notSent("WAV2101", "Account daily limit reached")}.
     */
    public static DeliveryOutcome notSent(String kaleyraCode, String reason) {
        return new DeliveryOutcome(List.of(DeliveryState.NOT_SENT), Objects.requireNonNull(kaleyraCode, "kaleyraCode"),
                Objects.requireNonNull(reason, "reason"));
    }
}
