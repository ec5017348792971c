package dev.waotp.verify;

import dev.waotp.DeliveryState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a phone's pending code stands: the channel that carried it and the latest delivery status
 * Kaleyra reported for it, if any. A late {@code delivered} never replaces a {@code failed}.
 *
 * @param channel the channel of the pending code
 * @param state the latest reported state; {@code null} until a callback for this code arrived
 */
public record Delivery(Channel channel, @Nullable DeliveryState state) {
    /** Checks that the channel is given. */
    public Delivery {
        Objects.requireNonNull(channel, "channel");
    }
}
