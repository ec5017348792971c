package dev.waotp.spring;

import dev.waotp.verify.CodeAlphabet;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.verify.*} properties the {@code Verifier} bean is built from. The defaults are the
 * verifier builder's own, declared here so that the IDE metadata shows them; {@code ConfigurationMetadataTest}
 * keeps the two equal. Public for Spring's binder and the metadata only.
 *
 * @param secret Key the codes' HMACs are made with: at least 32 bytes of random text, the same on every
 *     instance that shares a store. Required; set it from the environment (WAOTP_VERIFY_SECRET) or a
 *     secret store, for example the output of "openssl rand -base64 48".
 * @param previousSecrets Secrets used before the current one, newest first: checks still accept codes
 *     made under them, so rotating the secret voids no pending code. Each at least 32 bytes; drop them
 *     once the lifetime has passed since the rotation.
 * @param sender The @AuthTemplate sender that delivers the codes: its bean name (loginCode) or its
 *     interface's full name. Needed only when the application has several senders and no CodeSender bean.
 * @param store Where pending codes and rate limits are kept: memory (this instance only) or redis
 *     (shared by every instance; needs waotp-verify-redis and a Lettuce connection factory). Unset:
 *     redis when both are there, else memory with a warning in the log.
 * @param codeLength Characters per code.
 * @param alphabet Characters codes are made of.
 * @param lifetime How long a sent code can be checked, at most 10 minutes unless lifetime-beyond-nist.
 * @param lifetimeBeyondNist Whether the lifetime may be over 10 minutes, against NIST SP 800-63B-4.
 * @param maxAttempts Checks allowed per code, at least 1.
 * @param maxFailures Failed checks allowed per phone across codes, 1 to 100, before the phone is locked.
 * @param lockout How long a phone stays locked once max-failures is reached, 1 minute to 24 hours.
 * @param resendAfter Least time between two sends to one phone.
 * @param maxSends Sends per verification, the first included.
 * @param storeTimeout How long a store or rate-limit call may take before it fails closed.
 * @param limits Rate limits on starts.
 * @param redis The Redis store's settings, used when the store is redis.
 */
@ConfigurationProperties("waotp.verify")
public record VerifierProperties(
        @Nullable String secret,
        @DefaultValue List<String> previousSecrets,
        @Nullable String sender,
        @Nullable Store store,
        @DefaultValue("6") int codeLength,
        @DefaultValue("DIGITS") CodeAlphabet alphabet,
        @DefaultValue("10m") Duration lifetime,
        @DefaultValue("false") boolean lifetimeBeyondNist,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10") int maxFailures,
        @DefaultValue("1h") Duration lockout,
        @DefaultValue("30s") Duration resendAfter,
        @DefaultValue("5") int maxSends,
        @DefaultValue("2s") Duration storeTimeout,
        @DefaultValue Limits limits,
        @DefaultValue Redis redis) {

    /** Names the settings but never shows the secret. */
    @Override
    public String toString() {
        return "VerifierProperties{sender=" + sender + ", store=" + store + ", lifetime=" + lifetime
                + ", maxAttempts=" + maxAttempts + ", secret=" + (secret == null ? "unset" : "****")
                + ", previousSecrets=" + previousSecrets.size() + "}";
    }

    /** Where the verifier keeps pending codes and rate limits. */
    public enum Store {
        /** In this instance's memory: each instance has its own codes and its own limits. */
        MEMORY,
        /** In the application's Redis, through its Lettuce connection factory: shared by every instance. */
        REDIS
    }

    /**
     * The {@code waotp.verify.limits.*} properties: token buckets on starts, checked before a code is
     * made, and on checks per caller.
     *
     * @param perPhone Starts per phone number; the verifier's default is 5 per hour.
     * @param perCaller Starts per caller key, such as the client's IP address; the verifier's default is 20
     *     per hour.
     * @param perApplication Starts for the whole application; the verifier's default is 1000 per hour.
     * @param perCallerChecks Checks per caller key, whatever the phones, so that one client cannot guess
     *     across many numbers; the verifier's default is 50 per hour.
     */
    public record Limits(@DefaultValue Limit perPhone, @DefaultValue Limit perCaller,
            @DefaultValue Limit perApplication, @DefaultValue Limit perCallerChecks) {}

    /**
     * One rate limit: {@code count} starts (checks, for per-caller-checks) per {@code period}, refilled
     * evenly.
     *
     * @param count Starts (or checks) allowed per period, at least 1.
     * @param period Time in which the count refills, positive.
     * @param enabled Whether this limit applies.
     */
    public record Limit(@Nullable Long count, @Nullable Duration period, @DefaultValue("true") boolean enabled) {}

    /**
     * The {@code waotp.verify.redis.*} properties.
     *
     * @param keyPrefix Start of every key the verifier writes to Redis: codes under {prefix}verify:, limits
     *     under {prefix}limit:. Give each application sharing a Redis its own; no braces.
     */
    public record Redis(@DefaultValue("waotp:") String keyPrefix) {}
}
