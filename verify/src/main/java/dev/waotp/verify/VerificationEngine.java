package dev.waotp.verify;

import dev.waotp.SendResult;
import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@link Verifier} of one build shares, whatever its purpose: the secrets, the store, the
 * rate limits, the rules; and the two algorithms, start and check, over them.
 */
final class VerificationEngine {
    private static final Logger log = LoggerFactory.getLogger(VerificationEngine.class);

    private final CodeSender sender;
    private final CodeHasher hasher;
    private final CodeGenerator generator;
    private final CodeAlphabet alphabet;
    private final VerificationStore store;
    private final BucketRateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final StartRules startRules;
    private final CheckRules checkRules;
    private final Clock clock;
    final VerificationListener listener;
    private final TimedCalls calls;

    VerificationEngine(Verifier.Builder builder, CodeSender sender, CodeHasher hasher) {
        this.sender = sender;
        this.hasher = hasher;
        this.alphabet = builder.alphabet;
        this.generator = new CodeGenerator(new SecureRandom(), alphabet, builder.codeLength);
        this.store = builder.store != null ? builder.store : new InMemoryVerificationStore();
        this.clock = builder.clock;
        this.rateLimiter = new BucketRateLimiter(
                builder.rateLimitStorage != null ? builder.rateLimitStorage : new InMemoryRateLimitStorage(),
                clock, builder.storeTimeout);
        this.rateLimits = builder.rateLimits;
        this.startRules = new StartRules(builder.lifetime, builder.resendAfter, builder.maxSends);
        this.checkRules = new CheckRules(builder.maxAttempts, builder.maxFailures, builder.lockout,
                Verifier.Builder.FAILURE_MEMORY);
        this.listener = builder.listener;
        this.calls = new TimedCalls(builder.storeTimeout);
    }

    StartResult start(String purpose, String phone, String callerKey) {
        Optional<RateLimited> refused =
                calls.call("the rate limits", () -> rateLimiter.tryAcquire(phone, callerKey, rateLimits));
        if (refused.isPresent()) {
            return refused.get();
        }
        VerificationKey key = new VerificationKey(purpose, phone);
        String code = generator.next();
        byte[] hmac = hasher.hmac(purpose, phone, code);
        Instant now = clock.instant();
        StartDecision decision = calls.call("the verification store", () -> store.start(key, hmac, now, startRules));
        if (decision instanceof StartDecision.TooSoon tooSoon) {
            return new StartResult.TooSoon(tooSoon.retryAfter());
        }
        if (decision instanceof StartDecision.Locked locked) {
            return new StartResult.Locked(locked.until());
        }
        int sendsLeft = ((StartDecision.Started) decision).sendsLeft();
        SendResult sent;
        try {
            sent = sender.send(phone, code);
        } catch (RuntimeException e) {
            withdraw(key, hmac, e);
            throw e;
        }
        Duration nextStart = sendsLeft > 0 ? startRules.resendAfter() : startRules.lifetime();
        return new StartResult.Sent(sent, now.plus(startRules.lifetime()), nextStart, sendsLeft);
    }

    CheckResult check(String purpose, String phone, String code) {
        VerificationKey key = new VerificationKey(purpose, phone);
        var candidates = hasher.candidates(purpose, phone, alphabet.normalize(code));
        Instant now = clock.instant();
        return calls.call("the verification store", () -> store.check(key, candidates, now, checkRules));
    }

    /** The send failed, so the code never reached the user; it must not block their next try. */
    private void withdraw(VerificationKey key, byte[] hmac, RuntimeException sendFailure) {
        try {
            calls.call("the verification store", () -> {
                store.discard(key, hmac);
                return null;
            });
        } catch (RuntimeException e) {
            sendFailure.addSuppressed(e);
            log.warn("Could not withdraw a code whose send failed; the next start may be refused as too soon: {}",
                    e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "codeLength=" + generator.length() + ", alphabet=" + alphabet
                + ", lifetime=" + startRules.lifetime() + ", resendAfter=" + startRules.resendAfter()
                + ", maxSends=" + startRules.maxSends() + ", maxAttempts=" + checkRules.maxAttempts()
                + ", maxFailures=" + checkRules.maxFailures() + ", lockout=" + checkRules.lockout()
                + ", store=" + store + ", rateLimits=" + rateLimits + " in " + rateLimiter;
    }
}
