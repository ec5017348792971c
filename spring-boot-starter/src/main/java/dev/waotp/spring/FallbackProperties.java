package dev.waotp.spring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code waotp.verify.fallback.*} properties: when the verifier sends a code again by SMS (with
 * {@code waotp.sms.sender} set). It always falls back on a {@code failed} or {@code not-sent} callback, on a
 * WhatsApp send refused at once for the number, and when the application asks. Public for Spring's binder
 * and the IDE metadata only.
 *
 * @param noDeliveryAfter Also fall back when no "delivered" arrived this long after the WhatsApp send, 1
 *     second to 10 minutes; off when unset.
 */
@ConfigurationProperties("waotp.verify.fallback")
public record FallbackProperties(@Nullable Duration noDeliveryAfter) {}
