package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.VerifierBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Builds the verifier from {@link VerifierProperties}. Every problem becomes a {@link WaotpStartupException}
 * that names the property and says how to fix it.
 */
final class VerifierFactory {
    private static final String PREFIX = "waotp.verify.";
    private static final String SECRET_FIX = "Set waotp.verify.secret to at least 32 bytes of random text, the same"
            + " on every instance, for example the output of \"openssl rand -base64 48\" in the environment"
            + " variable WAOTP_VERIFY_SECRET.";

    private VerifierFactory() {}

    /** A builder with the properties and the sender set; the caller adds the store, limiter and listener. */
    static VerifierBuilder builder(VerifierProperties properties, CodeSender sender) {
        String secret = properties.secret();
        if (secret == null || secret.isEmpty()) {
            throw WaotpStartupException.invalidProperty(PREFIX + "secret", "is required", SECRET_FIX, null);
        }
        try {
            return Verifier.builder()
                    .sender(sender)
                    .secret(secret.getBytes(StandardCharsets.UTF_8))
                    .rateLimits(rateLimits(properties.limits()))
                    .codeLength(properties.codeLength())
                    .alphabet(properties.alphabet())
                    .lifetime(properties.lifetime())
                    .maxAttempts(properties.maxAttempts())
                    .resendAfter(properties.resendAfter())
                    .maxSends(properties.maxSends())
                    .storeTimeout(properties.storeTimeout());
        } catch (InvalidInputException e) {
            String property = WaotpStartupException.kebabCase(e.field());
            throw WaotpStartupException.invalidProperty(
                    PREFIX + property, e.rule(), property.equals("secret") ? SECRET_FIX : null, e);
        }
    }

    private static RateLimits rateLimits(VerifierProperties.Limits limits) {
        RateLimits.Builder builder = RateLimits.builder();
        limit(builder, RateLimit.PHONE, "per-phone", limits.perPhone());
        limit(builder, RateLimit.CALLER, "per-caller", limits.perCaller());
        limit(builder, RateLimit.APPLICATION, "per-application", limits.perApplication());
        return builder.build();
    }

    /** A count or period left unset keeps the default limit's. */
    private static void limit(RateLimits.Builder builder, RateLimit limit, String property,
            VerifierProperties.Limit settings) {
        if (!settings.enabled()) {
            builder.without(limit);
            return;
        }
        RateLimits.Rule defaults = RateLimits.defaults().rule(limit).orElseThrow();
        long count = settings.count() != null ? settings.count() : defaults.count();
        Duration period = settings.period() != null ? settings.period() : defaults.period();
        try {
            switch (limit) {
                case PHONE -> builder.perPhone(count, period);
                case CALLER -> builder.perCaller(count, period);
                case APPLICATION -> builder.perApplication(count, period);
            }
        } catch (InvalidInputException e) {
            throw WaotpStartupException.invalidProperty(
                    PREFIX + "limits." + property + "." + e.field(), e.rule(), null, e);
        }
    }
}
