package dev.waotp.spring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.dev.*} properties: local development without a Kaleyra account. Public for Spring's
 * binder and the IDE metadata only.
 *
 * @param enabled Whether to run the embedded Kaleyra stub inside the application and send every message
 *     to it instead of Kaleyra; needs waotp-testing on the class path, and is refused when
 *     waotp.kaleyra.api-key is set. Off unless set to true.
 * @param messagesPath Where a servlet web application lists the messages the stub received, WhatsApp and
 *     SMS, with their codes, newest last.
 * @param numbers Numbers whose messages fail, to see what the application does then.
 */
@ConfigurationProperties("waotp.dev")
public record DevModeProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/waotp/dev/messages") String messagesPath,
        @DefaultValue Numbers numbers) {

    /**
     * The {@code waotp.dev.numbers.*} properties: E.164 numbers whose WhatsApp messages fail in dev mode, as
     * Twilio's test numbers do. SMS to them still go.
     *
     * @param failed Numbers whose messages Meta cannot deliver: the stub accepts the send, then posts a failed
     *     status callback with Meta's error 131026 (Message undeliverable), as for a number without WhatsApp.
     *     Needs waotp.callbacks.path.
     * @param notSent Numbers whose messages Kaleyra does not pass on: the stub accepts the send, then posts
     *     Kaleyra's not-sent status callback (WAV2101, Account daily limit reached). Needs waotp.callbacks.path.
     * @param refused Numbers whose sends Kaleyra refuses at once: the stub answers 400 with WA400.
     */
    public record Numbers(
            @DefaultValue List<String> failed,
            @DefaultValue List<String> notSent,
            @DefaultValue List<String> refused) {}
}
