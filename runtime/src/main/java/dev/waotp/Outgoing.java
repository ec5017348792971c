package dev.waotp;

import java.time.Duration;

/**
 * What {@link SendExecution} needs of the message it sends, whatever the channel: a description fit
 * for logs and exception messages (no secrets, numbers masked), and how to tell the
 * {@link SendListener} the outcome.
 */
interface Outgoing {
    /** For logs and messages, for example {@code auth1 to [+********3210]}. Built only when needed. */
    String description();

    void reportSent(SendListener listener, SendResult result, Duration elapsed);

    void reportFailed(SendListener listener, KaleyraException error, Duration elapsed);

    static Outgoing whatsApp(AuthMessage message) {
        return new Outgoing() {
            @Override
            public String description() {
                return message.template().name() + " to " + Redaction.phoneNumbers(message.recipients());
            }

            @Override
            public void reportSent(SendListener listener, SendResult result, Duration elapsed) {
                listener.sent(message.template(), result, elapsed);
            }

            @Override
            public void reportFailed(SendListener listener, KaleyraException error, Duration elapsed) {
                listener.failed(message.template(), error, elapsed);
            }
        };
    }

    static Outgoing sms(SmsMessage message) {
        return new Outgoing() {
            @Override
            public String description() {
                return "SMS (" + message.type() + ") to " + Redaction.phoneNumber(message.to());
            }

            @Override
            public void reportSent(SendListener listener, SendResult result, Duration elapsed) {
                listener.smsSent(message.type(), result, elapsed);
            }

            @Override
            public void reportFailed(SendListener listener, KaleyraException error, Duration elapsed) {
                listener.smsFailed(message.type(), error, elapsed);
            }
        };
    }
}
