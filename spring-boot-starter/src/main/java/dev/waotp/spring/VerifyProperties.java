package dev.waotp.spring;

import dev.waotp.verify.CodeAlphabet;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.verify.*} properties the {@code Verifier} bean is built from. Settings left unset
 * keep the verifier's own defaults. Public for Spring's binder and the IDE metadata only.
 *
 * @param secret Key the codes' HMACs are made with: at least 32 bytes of random text, the same on every
 *     instance that shares a store. Required; set it from the environment (WAOTP_VERIFY_SECRET) or a
 *     secret store, for example the output of "openssl rand -base64 48".
 * @param sender The @AuthTemplate sender that delivers the codes: its bean name (loginCode) or its
 *     interface's full name. Needed only when the application has several senders and no CodeSender bean.
 * @param codeLength Characters per code, 4 to 10; the verifier's default is 6.
 * @param alphabet Characters codes are made of; the verifier's default is DIGITS.
 * @param lifetime How long a sent code can be checked; the verifier's default is 10 minutes.
 * @param maxAttempts Checks allowed per code, at least 1; the verifier's default is 5.
 * @param resendAfter Least time between two sends to one phone; the verifier's default is 30 seconds.
 * @param maxSends Sends per verification, the first included; the verifier's default is 5.
 * @param storeTimeout How long a store or rate-limiter call may take before it fails closed; the
 *     verifier's default is 2 seconds.
 * @param limits Rate limits on starts.
 */
@ConfigurationProperties("waotp.verify")
public record VerifyProperties(
        @Nullable String secret,
        @Nullable String sender,
        @Nullable Integer codeLength,
        @Nullable CodeAlphabet alphabet,
        @Nullable Duration lifetime,
        @Nullable Integer maxAttempts,
        @Nullable Duration resendAfter,
        @Nullable Integer maxSends,
        @Nullable Duration storeTimeout,
        @DefaultValue Limits limits) {

    /** Names the settings but never shows the secret. */
    @Override
    public String toString() {
        return "VerifyProperties{sender=" + sender + ", lifetime=" + lifetime + ", maxAttempts=" + maxAttempts
                + ", secret=" + (secret == null ? "unset" : "****") + "}";
    }

    /**
     * The {@code waotp.verify.limits.*} properties: token buckets on starts, checked before a code is
     * made.
     *
     * @param perPhone Starts per phone number; the verifier's default is 5 per hour.
     * @param perCaller Starts per caller key, such as the client's IP address; the verifier's default is 20
     *     per hour.
     * @param perApplication Starts for the whole application; the verifier's default is 1000 per hour.
     */
    public record Limits(@DefaultValue Limit perPhone, @DefaultValue Limit perCaller,
            @DefaultValue Limit perApplication) {}

    /**
     * One rate limit: {@code count} starts per {@code period}, refilled evenly.
     *
     * @param count Starts allowed per period, at least 1.
     * @param period Time in which the count refills, positive.
     * @param enabled Whether this limit applies; true unless set to false.
     */
    public record Limit(@Nullable Long count, @Nullable Duration period, @DefaultValue("true") boolean enabled) {}
}
