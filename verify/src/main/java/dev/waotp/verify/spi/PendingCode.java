package dev.waotp.verify.spi;

import dev.waotp.DeliveryState;
import dev.waotp.verify.Channel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store says of a key's live code, without the HMAC: the tag of its message, its channel, and
 * the latest delivery state recorded for that message.
 *
 * @param tag the tag the code was stored with
 * @param channel the channel that carried it
 * @param state the latest recorded delivery state; {@code null} before any
 */
public record PendingCode(String tag, Channel channel, @Nullable DeliveryState state) {
    /** Checks that the tag and channel are given. */
    public PendingCode {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(channel, "channel");
    }
}
