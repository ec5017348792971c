package dev.waotp.testing;

/**
 * Something the stub accepted, on either channel: a WhatsApp {@link ReceivedMessage} or an {@link ReceivedSms}.
 * See {@link KaleyraStub#receivedAll()}.
 */
public sealed interface Received permits ReceivedMessage, ReceivedSms {
    /** The id the stub answered with, as in {@code SendResult.messageId()}. */
    String messageId();
}
