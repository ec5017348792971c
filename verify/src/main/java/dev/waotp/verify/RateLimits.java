package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many starts (or, for {@link RateLimit#CALLER_CHECKS}, checks) each {@link RateLimit} allows per
 * period; immutable. Each limit is a token bucket holding {@code count} tokens that refill evenly over
 * {@code period}, so a burst of {@code count} is allowed and then one per {@code period / count}.
 *
 * <p>The defaults, from {@link #defaults()} or a fresh {@link #builder()}: 5 starts per hour per
 * phone number, 20 per hour per caller key and 1000 per hour for the application; 50 checks per hour
 * per caller key, so that a caller may mistype the codes of all its starts a time or two.
 */
public final class RateLimits {
    private static final RateLimits DEFAULTS = new Builder().build();
    private static final RateLimits NONE = new Builder()
            .without(RateLimit.PHONE).without(RateLimit.CALLER).without(RateLimit.APPLICATION)
            .without(RateLimit.CALLER_CHECKS).build();

    private final Map<RateLimit, Rule> rules;

    private RateLimits(Map<RateLimit, Rule> rules) {
        this.rules = new EnumMap<>(rules);
    }

    /** The default limits. */
    public static RateLimits defaults() {
        return DEFAULTS;
    }

    /** No limits at all; only for tests and for applications that limit starts elsewhere. */
    public static RateLimits none() {
        return NONE;
    }

    /** A builder starting from the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rule for {@code limit}, or empty when that limit is off. */
    public Optional<Rule> rule(RateLimit limit) {
        return Optional.ofNullable(rules.get(limit));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimits that && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "RateLimits" + rules;
    }

    /**
     * One limit: {@code count} starts (or checks) per {@code period}.
     *
     * @param count tokens in the bucket, at least 1
     * @param period time to refill all of them, positive
     */
    public record Rule(long count, Duration period) {
        /** Checks the rule. */
        public Rule {
            Objects.requireNonNull(period, "period");
            if (count < 1) {
                throw new InvalidInputException("count", "must be at least 1, was " + count);
            }
            if (period.isNegative() || period.isZero()) {
                throw new InvalidInputException("period", "must be positive, was " + period);
            }
        }
    }

    /** Builds {@link RateLimits}; starts from the defaults, so only what differs needs setting. */
    public static final class Builder {
        private final Map<RateLimit, Rule> rules = new EnumMap<>(RateLimit.class);

        private Builder() {
            rules.put(RateLimit.PHONE, new Rule(5, Duration.ofHours(1)));
            rules.put(RateLimit.CALLER, new Rule(20, Duration.ofHours(1)));
            rules.put(RateLimit.APPLICATION, new Rule(1000, Duration.ofHours(1)));
            rules.put(RateLimit.CALLER_CHECKS, new Rule(50, Duration.ofHours(1)));
        }

        /** At most {@code count} starts per {@code period} for one phone number. */
        public Builder perPhone(long count, Duration period) {
            rules.put(RateLimit.PHONE, new Rule(count, period));
            return this;
        }

        /** At most {@code count} starts per {@code period} for one caller key. */
        public Builder perCaller(long count, Duration period) {
            rules.put(RateLimit.CALLER, new Rule(count, period));
            return this;
        }

        /** At most {@code count} starts per {@code period} for the whole application. */
        public Builder perApplication(long count, Duration period) {
            rules.put(RateLimit.APPLICATION, new Rule(count, period));
            return this;
        }

        /**
         * At most {@code count} checks per {@code period} for one caller key, whatever the phones; counted by
         * {@link Verifier#check(String, String, String)} only.
         */
        public Builder perCallerChecks(long count, Duration period) {
            rules.put(RateLimit.CALLER_CHECKS, new Rule(count, period));
            return this;
        }

        /** Turns {@code limit} off. */
        public Builder without(RateLimit limit) {
            rules.remove(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** The limits as set. */
        public RateLimits build() {
            return new RateLimits(rules);
        }
    }
}
