package dev.waotp.verify.spi;

import dev.waotp.verify.Channel;
import java.util.Objects;

/**
 * A code about to be sent, as a store keeps it: its HMAC (never the code), the verifier's tag for the
 * message that carries it (echoed in delivery callbacks) and the channel.
 *
 * @param hmac the HMAC of the code; the store must not change the array
 * @param tag unique per send, at most 255 characters
 * @param channel the channel that will carry it
 */
public record NewCode(byte[] hmac, String tag, Channel channel) {
    /** Checks that no part is null. */
    public NewCode {
        Objects.requireNonNull(hmac, "hmac");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(channel, "channel");
    }

    /** Never the HMAC. */
    @Override
    public String toString() {
        return "NewCode[channel=" + channel + "]";
    }
}
