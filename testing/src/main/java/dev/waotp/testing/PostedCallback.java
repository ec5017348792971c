package dev.waotp.testing;

import dev.waotp.DeliveryState;

/**
 * One status callback the stub posted.
 *
 * @param state the status it carried
 * @param sendMessageId the id of the send it reports on, as the stub answered it
 *     ({@code SendResult.messageId()}); the callback itself does not carry it, as Kaleyra's do not
 * @param recipient the number it reports on, E.164
 * @param httpStatus what the endpoint answered; {@code -1} when it could not be reached
 * @param body the JSON posted
 */
public record PostedCallback(DeliveryState state, String sendMessageId, String recipient, int httpStatus, String body) {
    @Override
    public String toString() {
        return "PostedCallback{state=" + state + ", sendMessageId=" + sendMessageId + ", httpStatus=" + httpStatus + "}";
    }
}
