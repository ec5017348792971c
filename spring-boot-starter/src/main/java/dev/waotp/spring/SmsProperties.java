package dev.waotp.spring;

import dev.waotp.SmsType;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.sms.*} properties: the SMS the verifier falls back to when WhatsApp cannot deliver a
 * code, sent through the application's {@code KaleyraClient}. Off until {@code sender} is set; then
 * {@code allowed-regions} must name where SMS may go. Public for Spring's binder and the IDE
 * metadata only.
 *
 * @param sender Sender id the SMS goes out with (Kaleyra's "sender", a registered header such as KLRHXA).
 *     Setting it turns the SMS fallback on.
 * @param type Kaleyra's route type for the SMS.
 * @param templateId India's DLT template id of the body, digits; Kaleyra requires it for OTP SMS to +91.
 * @param body The text, with {otp} where the code goes.
 * @param allowedRegions Regions SMS may go to, as ISO 3166-1 alpha-2 codes such as IN or SG; only their
 *     mobile numbers get one, as libphonenumber places and types the number (US is not Canada nor Jamaica,
 *     premium-rate and shared-cost ranges never). None by default: against SMS pumping, no SMS goes anywhere
 *     until you list where you serve.
 * @param cap The application-wide cap on fallback SMS.
 */
@ConfigurationProperties("waotp.sms")
public record SmsProperties(
        @Nullable String sender,
        @DefaultValue("OTP") SmsType type,
        @Nullable String templateId,
        @DefaultValue("Your verification code is {otp}") String body,
        @DefaultValue List<String> allowedRegions,
        @DefaultValue Cap cap) {

    /**
     * The {@code waotp.sms.cap.*} properties.
     *
     * @param count Fallback SMS allowed per period for the whole application.
     * @param period Time in which the count refills.
     */
    public record Cap(@DefaultValue("100") long count, @DefaultValue("1h") Duration period) {}
}
