package dev.waotp.spring;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.FallbackReason;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts verifications in Micrometer: {@code waotp.verify.starts} and {@code waotp.verify.checks} by
 * outcome ({@code sent}, {@code too_soon}, {@code rate_limited}, {@code locked}, {@code error};
 * {@code approved}, {@code wrong_code}, {@code expired}, {@code too_many_attempts}, {@code not_pending},
 * {@code locked}, {@code rate_limited}, {@code error}), and
 * {@code waotp.verify.rate.limited} by the limit that refused ({@code phone}, {@code caller},
 * {@code application}; {@code caller_checks} for checks), and {@code waotp.verify.fallbacks} by {@code reason} ({@code send_refused},
 * {@code delivery_failed}, {@code asked}, {@code no_delivery}) and {@code outcome} ({@code sent} or the
 * refusal, such as {@code country_not_allowed}). No phone number, caller key or code is ever a tag.
 */
final class VerificationMetrics implements VerificationListener {
    static final String STARTS = "waotp.verify.starts";
    static final String CHECKS = "waotp.verify.checks";
    static final String RATE_LIMITED = "waotp.verify.rate.limited";
    static final String FALLBACKS = "waotp.verify.fallbacks";
    private static final String RATE_LIMITED_DESCRIPTION = "Verification starts and checks refused by a rate limit";
    private static final String ERROR = "error";
    private static final Pattern WORD_START = Pattern.compile("([a-z])([A-Z])");

    private final MeterRegistry registry;

    VerificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void started(StartResult result) {
        count(STARTS, "Verification starts by outcome", "outcome", outcome(result));
        if (result instanceof StartResult.RateLimited limited) {
            count(RATE_LIMITED, RATE_LIMITED_DESCRIPTION, "limit",
                    limited.limit().name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void startFailed(RuntimeException error) {
        count(STARTS, "Verification starts by outcome", "outcome", ERROR);
    }

    @Override
    public void checked(CheckResult result) {
        count(CHECKS, "Verification checks by outcome", "outcome", outcome(result));
        if (result instanceof CheckResult.RateLimited limited) {
            count(RATE_LIMITED, RATE_LIMITED_DESCRIPTION, "limit",
                    limited.limit().name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void checkFailed(RuntimeException error) {
        count(CHECKS, "Verification checks by outcome", "outcome", ERROR);
    }

    @Override
    public void fellBack(FallbackResult result) {
        String outcome = result instanceof FallbackResult.Refused refused
                ? refused.refusal().name().toLowerCase(Locale.ROOT) : "sent";
        FallbackReason reason = result instanceof FallbackResult.Refused refused ? refused.reason()
                : ((FallbackResult.Sent) result).reason();
        Counter.builder(FALLBACKS).description("SMS fallbacks by reason and outcome")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                .register(registry).increment();
    }

    private void count(String name, String description, String tag, String value) {
        Counter.builder(name).description(description).tag(tag, value).register(registry).increment();
    }

    /** {@code TooManyAttempts} is {@code too_many_attempts}: outcomes named as Micrometer tags usually are. */
    private static String outcome(Object result) {
        return WORD_START.matcher(result.getClass().getSimpleName()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
