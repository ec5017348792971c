package dev.waotp;

import java.time.Duration;

/**
 * Hears how each send ended, once per send, after its last attempt: for metrics and audit logs
 * without wrapping every sender. WhatsApp sends are reported to {@link #sent} and {@link #failed},
 * SMS sends to {@link #smsSent} and {@link #smsFailed}. Set with {@link KaleyraClientBuilder#listener(SendListener)}.
 *
 * <p>Called on the thread that finished the send (the caller's, or an OkHttp thread for async
 * sends), before the caller sees the result: keep it quick. An exception it throws is logged and
 * otherwise ignored. Not reported: input errors, thrown before anything is sent; async sends the
 * caller ended (cancelled, timed out); sends ended by {@link KaleyraClient#close()} while they waited
 * to retry ({@link IllegalStateException}).
 */
public interface SendListener {
    /** A listener that does nothing, the default. */
    SendListener NONE = new SendListener() {};

    /** Kaleyra accepted the message. {@code elapsed} covers every attempt and wait. */
    default void sent(TemplateSpec template, SendResult result, Duration elapsed) {}

    /** The send failed for good, after the retries the policy allows. */
    default void failed(TemplateSpec template, KaleyraException error, Duration elapsed) {}

    /**
     * Kaleyra accepted an SMS ({@link KaleyraClient#sendSms(SmsMessage)}). Only the route type is
     * given: the number and the body, which holds the code, stay out of metrics.
     */
    default void smsSent(SmsType type, SendResult result, Duration elapsed) {}

    /** An SMS send failed for good, after the retries the policy allows. */
    default void smsFailed(SmsType type, KaleyraException error, Duration elapsed) {}
}
