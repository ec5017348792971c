package dev.waotp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Kaleyra accepted the message: it answered with a 2xx ({@code 202 WA202} on the auth-template page,
 * {@code WA200} on Kaleyra's error-code page; any 2xx counts).
 *
 * <p>Kaleyra's answer normally holds one message id per recipient, in the order sent. When a 2xx
 * comes without one (an empty or unreadable body), the message was still accepted:
 * {@link #messageIdKnown()} is {@code false} and {@link #messageIds()} is empty. Do not send again in
 * that case; the user would get two codes.
 *
 * @param messageIds Kaleyra's ids for the message, one per recipient, as reported in delivery callbacks
 * @param code Kaleyra's code, for example {@code WA202}; {@code null} when the answer had none
 * @param message Kaleyra's message, for example {@code Request Accepted}; {@code null} when the answer had none
 */
public record SendResult(List<String> messageIds, @Nullable String code, @Nullable String message) {
    public SendResult {
        messageIds = List.copyOf(messageIds);
    }

    /** The first (for one recipient, the only) message id; {@code null} when Kaleyra's answer had none. */
    public @Nullable String messageId() {
        return messageIds.isEmpty() ? null : messageIds.get(0);
    }

    /** Whether Kaleyra's answer named the message; {@code false} means accepted, id unknown. */
    public boolean messageIdKnown() {
        return !messageIds.isEmpty();
    }
}
