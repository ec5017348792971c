package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
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

    private static final String LIFETIME_FIX = "Set waotp.verify.lifetime to 10m or less, or"
            + " waotp.verify.lifetime-beyond-nist=true to allow more against NIST SP 800-63B-4's advice.";

    private VerifierFactory() {}

    /** A builder with the properties and the sender set; the caller adds the storage and the listener. */
    static Verifier.Builder builder(VerifierProperties properties, CodeSender sender) {
        String secret = properties.secret();
        if (secret == null || secret.isEmpty()) {
            throw WaotpStartupException.invalidProperty(PREFIX + "secret", "is required", SECRET_FIX, null);
        }
        try {
            return Verifier.builder()
                    .sender(sender)
                    .secret(bytes(secret))
                    .previousSecrets(properties.previousSecrets().stream().map(VerifierFactory::bytes).toList())
                    .rateLimits(rateLimits(properties.limits()))
                    .codeLength(properties.codeLength())
                    .alphabet(properties.alphabet())
                    .lifetimeBeyondNist(properties.lifetimeBeyondNist())
                    .lifetime(properties.lifetime())
                    .maxAttempts(properties.maxAttempts())
                    .maxFailures(properties.maxFailures())
                    .lockout(properties.lockout())
                    .resendAfter(properties.resendAfter())
                    .maxSends(properties.maxSends())
                    .storeTimeout(properties.storeTimeout());
        } catch (InvalidInputException e) {
            throw invalid(e);
        }
    }

    /** Builds the verifier, naming the property of any setting the builder refuses as a whole. */
    static Verifier build(Verifier.Builder builder) {
        try {
            return builder.build();
        } catch (InvalidInputException e) {
            throw invalid(e);
        }
    }

    private static WaotpStartupException invalid(InvalidInputException e) {
        String property = WaotpStartupException.kebabCase(e.field());
        if (property.equals("lifetime")) {
            // The rule ends with the builder's way out; the property's is in the fix.
            return WaotpStartupException.invalidProperty(PREFIX + property,
                    e.rule().replace("; lifetimeBeyondNist(true) allows more", ""), LIFETIME_FIX, e);
        }
        if (property.equals("no-delivery-after")) {
            // The builder's noDeliveryAfter is set from the fallback's group, not from waotp.verify itself.
            return WaotpStartupException.invalidProperty(PREFIX + "fallback." + property, e.rule(), null, e);
        }
        return WaotpStartupException.invalidProperty(
                PREFIX + property, e.rule(), property.equals("secret") ? SECRET_FIX : null, e);
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static RateLimits rateLimits(VerifierProperties.Limits limits) {
        RateLimits.Builder builder = RateLimits.builder();
        limit(builder, RateLimit.PHONE, "per-phone", limits.perPhone());
        limit(builder, RateLimit.CALLER, "per-caller", limits.perCaller());
        limit(builder, RateLimit.APPLICATION, "per-application", limits.perApplication());
        limit(builder, RateLimit.CALLER_CHECKS, "per-caller-checks", limits.perCallerChecks());
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
                case CALLER_CHECKS -> builder.perCallerChecks(count, period);
            }
        } catch (InvalidInputException e) {
            throw WaotpStartupException.invalidProperty(
                    PREFIX + "limits." + property + "." + e.field(), e.rule(), null, e);
        }
    }
}
