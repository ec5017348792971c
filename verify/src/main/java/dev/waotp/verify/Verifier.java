package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import dev.waotp.SendResult;
import dev.waotp.verify.StartResult.RateLimited;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends verification codes and checks them: the other half of a login with a waotp sender.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .sender(loginCode::send)
 *         .secret(hmacKey)            // at least 32 bytes, from the application's secrets
 *         .build();
 * StartResult started = verifier.start("+919876543210", clientIp);
 * CheckResult checked = verifier.check("+919876543210", typedCode);
 * }</pre>
 *
 * <p>A start checks the rate limits, then asks the store to take the new code's HMAC (its atomic
 * gate refuses a resend that is too soon), then sends the code. A check is one atomic store step:
 * count the attempt, compare in constant time, consume. The code itself is never kept, logged or
 * put in a message. Failures fail closed: a store or limiter that fails or is slower than the store
 * timeout gives {@link VerificationStoreException}, so nothing is sent or approved on a guess.
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
public final class Verifier {
    private static final Logger log = LoggerFactory.getLogger(Verifier.class);
    private static final int MAX_CALLER_KEY_LENGTH = 255;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final CodeSender sender;
    private final CodeHasher hasher;
    private final CodeGenerator generator;
    private final CodeAlphabet alphabet;
    private final int codeLength;
    private final VerificationStore store;
    private final RateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final StartRules rules;
    private final int maxAttempts;
    private final Clock clock;
    private final VerificationListener listener;
    private final TimedCalls calls;

    /** From a builder whose {@code build()} checked that the sender and the secret are set. */
    Verifier(VerifierBuilder builder, CodeSender sender, byte[] secret) {
        this.sender = sender;
        this.hasher = new CodeHasher(secret);
        this.alphabet = builder.alphabet;
        this.codeLength = builder.codeLength;
        this.generator = new CodeGenerator(new SecureRandom(), alphabet, codeLength);
        this.store = builder.store != null ? builder.store : new InMemoryVerificationStore();
        this.clock = builder.clock;
        this.rateLimiter = builder.rateLimiter != null ? builder.rateLimiter
                : new InMemoryRateLimiter(clock, InMemoryRateLimiter.DEFAULT_MAX_BUCKETS);
        this.rateLimits = builder.rateLimits;
        this.rules = builder.rules;
        this.maxAttempts = builder.maxAttempts;
        this.listener = builder.listener;
        this.calls = new TimedCalls(builder.storeTimeout);
    }

    /** A builder with the defaults: 6 digits, 10 minutes, 5 checks, 30 s between sends, 5 sends. */
    public static VerifierBuilder builder() {
        return new VerifierBuilder();
    }

    /**
     * Sends a new code to {@code phone}, replacing any code pending for it, unless a rate limit or the
     * resend rules refuse; then nothing is sent and the result says how long to wait.
     *
     * @param phone the phone number, E.164 ({@code +} and 8 to 15 digits)
     * @param callerKey who asks, for the per-caller limit: for example the client's IP address; at most
     *     255 characters
     * @throws InvalidInputException if {@code phone} is not E.164 or {@code callerKey} is null or too
     *     long, before anything else
     * @throws VerificationStoreException if the store or the rate limiter fails or is too slow; nothing was sent
     * @throws RuntimeException whatever the sender threw (a {@code KaleyraException}); the code is withdrawn,
     *     so the next start is not refused as too soon, and the rate limits still count this start
     */
    public StartResult start(String phone, String callerKey) {
        requirePhone(phone);
        if (callerKey == null) {
            throw new InvalidInputException("callerKey", "is required");
        }
        if (callerKey.length() > MAX_CALLER_KEY_LENGTH) {
            // Each key holds a bucket in the limiter: unbounded keys would be unbounded memory.
            throw new InvalidInputException("callerKey",
                    "must be at most " + MAX_CALLER_KEY_LENGTH + " characters, was " + callerKey.length());
        }
        StartResult result;
        try {
            result = startChecked(phone, callerKey);
        } catch (RuntimeException e) {
            tell(listener::startFailed, e);
            throw e;
        }
        log.debug("start: {}", result);
        tell(listener::started, result);
        return result;
    }

    /**
     * Checks the code the user typed for {@code phone}. Only {@link CheckResult.Approved} lets the user
     * in, and the same code is approved only once.
     *
     * @param phone the phone number the code was sent to, E.164
     * @param code what the user typed
     * @throws InvalidInputException if {@code phone} is not E.164 or {@code code} is null
     * @throws VerificationStoreException if the store fails or is too slow; nothing is approved
     */
    public CheckResult check(String phone, String code) {
        requirePhone(phone);
        if (code == null) {
            throw new InvalidInputException("code", "is required");
        }
        CheckResult result;
        try {
            byte[] hmac = hasher.hmac(phone, alphabet.normalize(code));
            Instant now = clock.instant();
            result = toResult(calls.call("the verification store", () -> store.check(phone, hmac, now, maxAttempts)));
        } catch (RuntimeException e) {
            tell(listener::checkFailed, e);
            throw e;
        }
        log.debug("check: {}", result);
        tell(listener::checked, result);
        return result;
    }

    private StartResult startChecked(String phone, String callerKey) {
        Optional<RateLimited> refused =
                calls.call("the rate limiter", () -> rateLimiter.tryAcquire(phone, callerKey, rateLimits));
        if (refused.isPresent()) {
            return refused.get();
        }
        String code = generator.next();
        byte[] hmac = hasher.hmac(phone, code);
        Instant now = clock.instant();
        StartDecision decision = calls.call("the verification store", () -> store.start(phone, hmac, now, rules));
        if (!decision.started()) {
            return new StartResult.TooSoon(decision.retryAfter());
        }
        SendResult sent;
        try {
            sent = sender.send(phone, code);
        } catch (RuntimeException e) {
            withdraw(phone, hmac, e);
            throw e;
        }
        Duration nextStart = decision.sendsLeft() > 0 ? rules.resendAfter() : rules.lifetime();
        return new StartResult.Sent(sent, now.plus(rules.lifetime()), nextStart, decision.sendsLeft());
    }

    /** The send failed, so the code never reached the user; it must not block their next try. */
    private void withdraw(String phone, byte[] hmac, RuntimeException sendFailure) {
        try {
            calls.call("the verification store", () -> {
                store.discard(phone, hmac);
                return null;
            });
        } catch (RuntimeException e) {
            sendFailure.addSuppressed(e);
            log.warn("Could not withdraw a code whose send failed; the next start may be refused as too soon: {}",
                    e.getMessage());
        }
    }

    private static CheckResult toResult(CheckDecision decision) {
        return switch (decision.outcome()) {
            case APPROVED -> new CheckResult.Approved();
            case WRONG_CODE -> new CheckResult.WrongCode(decision.attemptsLeft());
            case EXPIRED -> new CheckResult.Expired();
            case TOO_MANY_ATTEMPTS -> new CheckResult.TooManyAttempts();
            case NOT_PENDING -> new CheckResult.NotPending();
        };
    }

    private <T> void tell(Consumer<T> event, T value) {
        try {
            event.accept(value);
        } catch (RuntimeException e) {
            log.warn("VerificationListener threw; the outcome stands", e);
        }
    }

    /** E.164 as the runtime checks it: '+', a digit 1-9, then 7 to 14 more digits. */
    private static void requirePhone(String phone) {
        if (phone == null) {
            throw new InvalidInputException("phone", "is required");
        }
        if (!E164.matcher(phone).matches()) {
            throw new InvalidInputException("phone", "must be E.164: '+' then 8 to 15 digits, the first not 0");
        }
    }

    @Override
    public String toString() {
        return "Verifier{codeLength=" + codeLength + ", alphabet=" + alphabet
                + ", lifetime=" + rules.lifetime() + ", resendAfter=" + rules.resendAfter()
                + ", maxSends=" + rules.maxSends() + ", maxAttempts=" + maxAttempts
                + ", store=" + store + ", rateLimiter=" + rateLimiter + ", rateLimits=" + rateLimits + "}";
    }
}
