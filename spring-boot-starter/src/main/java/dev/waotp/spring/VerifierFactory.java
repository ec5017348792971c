package dev.waotp.spring;

import static dev.waotp.spring.KaleyraClientFactory.ifSet;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Builds the verifier from {@link VerifyProperties}. Every problem becomes a {@link WaotpStartupException}
 * that names the property and says how to fix it.
 */
final class VerifierFactory {
    private static final String PREFIX = "waotp.verify.";
    private static final String SECRET_FIX = "Set waotp.verify.secret to at least 32 bytes of random text, the same"
            + " on every instance, for example the output of \"openssl rand -base64 48\" in the environment"
            + " variable WAOTP_VERIFY_SECRET.";

    private VerifierFactory() {}

    /** A builder with the properties and the sender set; the caller adds the store, limiter and listener. */
    static Verifier.Builder builder(VerifyProperties properties, CodeSender sender) {
        String secret = properties.secret();
        if (secret == null || secret.isEmpty()) {
            throw WaotpStartupException.invalidProperty(PREFIX + "secret", "is required", SECRET_FIX, null);
        }
        try {
            Verifier.Builder builder = Verifier.builder().sender(sender).rateLimits(rateLimits(properties.limits()));
            builder.secret(secret.getBytes(StandardCharsets.UTF_8));
            ifSet(properties.codeLength(), builder::codeLength);
            ifSet(properties.alphabet(), builder::alphabet);
            ifSet(properties.lifetime(), builder::lifetime);
            ifSet(properties.maxAttempts(), builder::maxAttempts);
            ifSet(properties.resendAfter(), builder::resendAfter);
            ifSet(properties.maxSends(), builder::maxSends);
            ifSet(properties.storeTimeout(), builder::storeTimeout);
            return builder;
        } catch (InvalidInputException e) {
            String property = WaotpStartupException.kebabCase(e.field());
            throw WaotpStartupException.invalidProperty(
                    PREFIX + property, e.rule(), property.equals("secret") ? SECRET_FIX : null, e);
        }
    }

    private static RateLimits rateLimits(VerifyProperties.Limits limits) {
        RateLimits.Builder builder = RateLimits.builder();
        limit(builder, RateLimit.PHONE, "per-phone", limits.perPhone());
        limit(builder, RateLimit.CALLER, "per-caller", limits.perCaller());
        limit(builder, RateLimit.APPLICATION, "per-application", limits.perApplication());
        return builder.build();
    }

    /** A count or period left unset keeps the default limit's. */
    private static void limit(RateLimits.Builder builder, RateLimit limit, String property,
            VerifyProperties.Limit settings) {
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
