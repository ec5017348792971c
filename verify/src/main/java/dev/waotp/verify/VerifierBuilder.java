package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Verifier}; get one from {@link Verifier#builder()}. Only {@link #sender} and
 * {@link #secret} are required. Each setter checks its value at once and names the field when it
 * refuses one. {@link #build()} may be called again for another verifier with the same settings.
 */
public final class VerifierBuilder {
    @Nullable CodeSender sender;
    byte @Nullable [] secret;
    @Nullable VerificationStore store;
    @Nullable RateLimiter rateLimiter;
    RateLimits rateLimits = RateLimits.defaults();
    int codeLength = 6;
    CodeAlphabet alphabet = CodeAlphabet.DIGITS;
    /** Lifetime, resend wait and sends; StartRules checks each, so a setter replaces the whole. */
    StartRules rules = new StartRules(Duration.ofMinutes(10), Duration.ofSeconds(30), 5);
    int maxAttempts = 5;
    Duration storeTimeout = Duration.ofSeconds(2);
    Clock clock = Clock.systemUTC();
    VerificationListener listener = new VerificationListener() {};

    VerifierBuilder() {}

    /** Sends each code; {@code loginCode::send} for a generated waotp sender. Required. */
    public VerifierBuilder sender(CodeSender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
        return this;
    }

    /**
     * The HMAC key codes are kept under, at least 32 bytes from the application's secrets (the same on
     * every instance that shares a store). Required; the array is copied and never shown.
     */
    public VerifierBuilder secret(byte[] secret) {
        this.secret = CodeHasher.checkSecret(secret);
        return this;
    }

    /** Where pending codes are kept; default a new {@link InMemoryVerificationStore} (one instance only). */
    public VerifierBuilder store(VerificationStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Enforces the {@link #rateLimits}; default a new {@link InMemoryRateLimiter} on this builder's clock. */
    public VerifierBuilder rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        return this;
    }

    /** The limits on starts; default {@link RateLimits#defaults()}. */
    public VerifierBuilder rateLimits(RateLimits rateLimits) {
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        return this;
    }

    /** Characters per code, 4 to 10; default 6. */
    public VerifierBuilder codeLength(int codeLength) {
        this.codeLength = CodeGenerator.checkLength(codeLength);
        return this;
    }

    /** The characters codes are made of; default {@link CodeAlphabet#DIGITS}. */
    public VerifierBuilder alphabet(CodeAlphabet alphabet) {
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        return this;
    }

    /** How long a sent code can be checked; default 10 minutes, the most NIST SP 800-63B allows. */
    public VerifierBuilder lifetime(Duration lifetime) {
        this.rules = new StartRules(lifetime, rules.resendAfter(), rules.maxSends());
        return this;
    }

    /** Checks allowed per code, at least 1; default 5. Past them the code is dead, even the right one. */
    public VerifierBuilder maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts", "must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /** The least time between two sends to one phone, zero or more; default 30 seconds. */
    public VerifierBuilder resendAfter(Duration resendAfter) {
        this.rules = new StartRules(rules.lifetime(), resendAfter, rules.maxSends());
        return this;
    }

    /** Sends per verification, the first included, at least 1; default 5. */
    public VerifierBuilder maxSends(int maxSends) {
        this.rules = new StartRules(rules.lifetime(), rules.resendAfter(), maxSends);
        return this;
    }

    /** How long a store or rate limiter call may take before it fails closed; default 2 seconds. */
    public VerifierBuilder storeTimeout(Duration storeTimeout) {
        Objects.requireNonNull(storeTimeout, "storeTimeout");
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new InvalidInputException("storeTimeout", "must be positive, was " + storeTimeout);
        }
        this.storeTimeout = storeTimeout;
        return this;
    }

    /** The time codes expire by (and the default rate limiter refills by); default the system clock. */
    public VerifierBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Told every outcome, for metrics; default none. */
    public VerifierBuilder listener(VerificationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A verifier with these settings.
     *
     * @throws InvalidInputException if the sender or the secret is not set
     */
    public Verifier build() {
        if (sender == null) {
            throw new InvalidInputException("sender", "is required");
        }
        if (secret == null) {
            throw new InvalidInputException("secret", "is required (at least " + CodeHasher.MIN_SECRET_BYTES + " bytes)");
        }
        return new Verifier(this, sender, secret);
    }
}
