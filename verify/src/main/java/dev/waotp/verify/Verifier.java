package dev.waotp.verify;

import dev.waotp.DeliveryListener;
import dev.waotp.DeliveryStatus;
import dev.waotp.InvalidInputException;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
 * StartResult started = verifier.start("+919876543210", CallerKeys.fromAddress(clientIp));
 * CheckResult checked = verifier.check("+919876543210", typedCode, CallerKeys.fromAddress(clientIp));
 * Verifier payments = verifier.forPurpose("payment");   // its codes are never approved for a login
 * }</pre>
 *
 * <p>A start checks the rate limits, then asks the store to take the new code's HMAC (its atomic
 * gate refuses a locked key and a resend that is too soon), then sends the code. A check is one atomic
 * store step: count the attempt, compare in constant time, consume, and count a failure across codes
 * (past {@code maxFailures} the phone is locked for this purpose). The code itself is never kept,
 * logged or put in a message. Failures fail closed: a store or limiter that fails or is slower than the
 * store timeout gives {@link VerificationStoreException}, so nothing is sent or approved on a guess.
 *
 * <p>Thread-safe; one instance per purpose serves the whole application.
 */
public final class Verifier implements DeliveryListener {
    /** The purpose of the verifier {@link Builder#build()} returns. */
    public static final String DEFAULT_PURPOSE = "default";

    private static final Logger log = LoggerFactory.getLogger(Verifier.class);
    private static final int MAX_CALLER_KEY_LENGTH = 255;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9_-]{1,32}");

    private final VerificationEngine engine;
    private final String purpose;

    private Verifier(VerificationEngine engine, String purpose) {
        this.engine = engine;
        this.purpose = purpose;
    }

    /** A builder with the defaults: 6 digits, 10 minutes, 5 checks, 30 s between sends, 5 sends, 10 failures. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A verifier for another flow: the same secrets, store, rate limits and rules, but its codes are
     * kept apart. A code started by one purpose is never approved by another, and failed checks lock a
     * phone for one purpose only; all purposes share the rate limits of a phone, a caller and the
     * application.
     *
     * @param purpose 1 to 32 of {@code a-z 0-9 _ -}, such as {@code login} or {@code change-phone}
     * @throws InvalidInputException if {@code purpose} breaks that rule
     */
    public Verifier forPurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new InvalidInputException("purpose", "must be 1 to 32 of a-z, 0-9, _ and -");
        }
        return new Verifier(engine, purpose);
    }

    /** This verifier's purpose; {@value #DEFAULT_PURPOSE} unless made by {@link #forPurpose}. */
    public String purpose() {
        return purpose;
    }

    /**
     * Sends a new code to {@code phone}, replacing any code pending for it for this purpose, unless a
     * rate limit, a lock or the resend rules refuse; then nothing is sent and the result says how long
     * to wait.
     *
     * @param phone the phone number, E.164 ({@code +} and 8 to 15 digits)
     * @param callerKey who asks, for the per-caller limit: the client's address through
     *     {@link CallerKeys#fromAddress(String)}; at most 255 characters
     * @throws InvalidInputException if {@code phone} is not E.164 or {@code callerKey} is null or too
     *     long, before anything else
     * @throws VerificationStoreException if the store or the rate limits fail or are too slow; nothing was sent
     * @throws RuntimeException whatever the sender threw (a {@code KaleyraException}); the code is withdrawn,
     *     so the next start is not refused as too soon, and the rate limits still count this start
     */
    public StartResult start(String phone, String callerKey) {
        requireStartInput(phone, callerKey);
        StartResult result;
        try {
            result = engine.start(purpose, phone, callerKey, true);
        } catch (RuntimeException e) {
            tell(engine.listener::startFailed, e);
            throw e;
        }
        log.debug("start ({}): {}", purpose, result);
        tell(engine.listener::started, result);
        return result;
    }

    /**
     * {@link #start} for a sign-in form that must not tell which numbers have an account: a send that fails (and
     * whose SMS fallback, if any, sent nothing) leaves its code pending, untold, as {@link #startWithoutSending}
     * does, instead of withdrawing it. The number then answers as one without an account: the same resend wait,
     * and checks answer {@code WrongCode}; the user asks again once the wait is over. The failure is still thrown,
     * for the caller to log and to answer as if the code had been sent.
     *
     * @throws InvalidInputException as for {@link #start}
     * @throws VerificationStoreException as for {@link #start}
     * @throws RuntimeException whatever the sender threw; the code stays pending, and the rate limits count this start
     */
    public StartResult startHidingFailure(String phone, String callerKey) {
        requireStartInput(phone, callerKey);
        StartResult result;
        try {
            result = engine.start(purpose, phone, callerKey, true, true);
        } catch (RuntimeException e) {
            tell(engine.listener::startFailed, e);
            throw e;
        }
        log.debug("start hiding failure ({}): {}", purpose, result);
        tell(engine.listener::started, result);
        return result;
    }

    /**
     * Everything {@link #start} does except the send, for a number that must look like every other: the
     * same rate limits, resend wait, send count and lockout, and a pending code that no one is told, so
     * that checks answer as for a wrong code ({@code WrongCode}, then {@code TooManyAttempts}) at the same
     * pace. A sign-in form calls it for a number without an account, so that neither the form nor the
     * code form tells which numbers have one. {@link StartResult.Sent} then means "would have been sent"
     * (its {@code SendResult} names no message). The listener is not told, so metrics count real sends
     * only. For "send it by SMS instead" on such a number, call {@link #resendBySmsWithoutSending}, never
     * {@link #resendBySms}: that would send.
     *
     * @throws InvalidInputException as for {@link #start}
     * @throws VerificationStoreException if the store or the rate limits fail or are too slow
     */
    public StartResult startWithoutSending(String phone, String callerKey) {
        requireStartInput(phone, callerKey);
        StartResult result = engine.start(purpose, phone, callerKey, false);
        log.debug("start without sending ({}): {}", purpose, result);
        return result;
    }

    /**
     * Checks the code the user typed for {@code phone}. Only {@link CheckResult.Approved} lets the user
     * in, and the same code is approved only once, and only for this verifier's purpose.
     *
     * <p>No caller's check limit counts this check: use {@link #check(String, String, String)} wherever a
     * client of the application chooses what is checked (a form, an endpoint).
     *
     * @param phone the phone number the code was sent to, E.164
     * @param code what the user typed
     * @throws InvalidInputException if {@code phone} is not E.164 or {@code code} is null
     * @throws VerificationStoreException if the store fails or is too slow; nothing is approved
     */
    public CheckResult check(String phone, String code) {
        requireCheckInput(phone, code);
        return checkFor(phone, code, null);
    }

    /**
     * {@link #check(String, String)}, counted first by the caller's check limit
     * ({@link RateLimit#CALLER_CHECKS}), so that one client cannot guess across many numbers: past it the
     * answer is {@link CheckResult.RateLimited}, and the store is not asked, so no attempt is counted
     * against the phone's code.
     *
     * @param callerKey who asks, as for {@link #start}: {@link CallerKeys#fromAddress(String)}; at most 255
     *     characters
     * @throws InvalidInputException if {@code phone} is not E.164, {@code code} is null, or
     *     {@code callerKey} is null or too long, before anything else
     * @throws VerificationStoreException if the store or the rate limits fail or are too slow; nothing is
     *     approved
     */
    public CheckResult check(String phone, String code, String callerKey) {
        requireCheckInput(phone, code);
        requireCallerKey(callerKey);
        return checkFor(phone, code, callerKey);
    }

    private CheckResult checkFor(String phone, String code, @Nullable String callerKey) {
        CheckResult result;
        try {
            result = engine.check(purpose, phone, code, callerKey);
        } catch (RuntimeException e) {
            tell(engine.listener::checkFailed, e);
            throw e;
        }
        log.debug("check ({}): {}", purpose, result);
        tell(engine.listener::checked, result);
        return result;
    }

    /**
     * Where the code pending for {@code phone} stands: its channel and the latest delivery status Kaleyra
     * reported for it (with a {@link Builder#trackedSender tracked sender} and the callbacks mounted); empty
     * when no code is pending for this purpose.
     *
     * @throws VerificationStoreException if the store fails or is too slow
     */
    public Optional<Delivery> delivery(String phone) {
        requirePhone(phone);
        return engine.delivery(purpose, phone);
    }

    /**
     * Sends a new code by SMS instead, because the user asked ("send it by SMS instead"): a start of its own, within
     * the resend rules, the rate limits and the fallback's country allow-list and cap; refused, it gives back the
     * phone's, the application's and the cap's tokens it took (the caller's stays spent, as for a start). The WhatsApp
     * code stops working.
     *
     * @throws InvalidInputException if {@code phone} is not E.164 or {@code callerKey} is missing or too long
     * @throws VerificationStoreException if the store or the rate limits fail; nothing was sent
     */
    public FallbackResult resendBySms(String phone, String callerKey) {
        requireStartInput(phone, callerKey);
        FallbackResult result = engine.resendBySms(purpose, phone, callerKey, true);
        tell(engine.listener::fellBack, result);
        return result;
    }

    /**
     * Everything {@link #resendBySms} does except the SMS, for a number that must look like every other: the same
     * allow-list, rate limits, SMS cap, resend wait, send count and lockout, and a pending code on {@link Channel#SMS}
     * that no one is told, so that the answers and {@link #delivery} are those of a real resend. A sign-in form
     * calls it for a number without an account, after {@link #startWithoutSending}. The listener is not told.
     *
     * @throws InvalidInputException as for {@link #resendBySms}
     * @throws VerificationStoreException if the store or the rate limits fail or are too slow
     */
    public FallbackResult resendBySmsWithoutSending(String phone, String callerKey) {
        requireStartInput(phone, callerKey);
        FallbackResult result = engine.resendBySms(purpose, phone, callerKey, false);
        log.debug("resend by SMS without sending ({}): {}", purpose, result);
        return result;
    }

    /** Whether this verifier has an {@link SmsFallback}, so that a page can offer "send it by SMS instead". */
    public boolean hasSmsFallback() {
        return engine.hasSmsFallback();
    }

    /**
     * Hears a delivery status from Kaleyra's callbacks (register the verifier as a {@code DeliveryListener}
     * of the {@code CallbackHandler}; the Spring Boot starter does): a status for the message that carried a
     * pending code, of any purpose, is recorded with that code, and a {@code failed} or {@code not-sent} one
     * sends the code again by SMS when a {@link SmsFallback} is set, once per failed message. Statuses of
     * other messages change nothing.
     */
    @Override
    public void onStatus(DeliveryStatus status) {
        engine.onStatus(Objects.requireNonNull(status, "status"));
    }

    private static <T> void tell(Consumer<T> event, T value) {
        VerificationEngine.tell(event, value);
    }

    private static void requireStartInput(String phone, String callerKey) {
        requirePhone(phone);
        requireCallerKey(callerKey);
    }

    private static void requireCheckInput(String phone, String code) {
        requirePhone(phone);
        if (code == null) {
            throw new InvalidInputException("code", "is required");
        }
    }

    private static void requireCallerKey(String callerKey) {
        if (callerKey == null) {
            throw new InvalidInputException("callerKey", "is required");
        }
        if (callerKey.length() > MAX_CALLER_KEY_LENGTH) {
            // Each key holds a bucket in the limiter: unbounded keys would be unbounded memory.
            throw new InvalidInputException("callerKey",
                    "must be at most " + MAX_CALLER_KEY_LENGTH + " characters, was " + callerKey.length());
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
        return "Verifier{purpose=" + purpose + ", " + engine + "}";
    }

    /**
     * Builds a {@link Verifier}; get one from {@link Verifier#builder()}. Only {@link #sender} and
     * {@link #secret} are required. Each setter checks its value at once and names the field when it
     * refuses one; {@link #build()} checks the settings together. {@link #build()} may be called again
     * for another verifier with the same settings (and its own in-memory state, if any).
     */
    public static final class Builder {
        /** The most NIST SP 800-63B-4 allows for an out-of-band secret. */
        static final Duration NIST_MAX_LIFETIME = Duration.ofMinutes(10);
        /** Failed checks not followed by another within a day are forgotten, so old typos never lock anyone. */
        static final Duration FAILURE_MEMORY = Duration.ofHours(24);

        @Nullable TrackedCodeSender sender;
        /** Whether {@link #sender} puts the tag in {@code ref2}, so that the verifier hears of deliveries. */
        boolean tracked;
        @Nullable SmsFallback smsFallback;
        byte @Nullable [] secret;
        List<byte[]> previousSecrets = List.of();
        @Nullable VerificationStore store;
        @Nullable RateLimitStorage rateLimitStorage;
        RateLimits rateLimits = RateLimits.defaults();
        int codeLength = 6;
        CodeAlphabet alphabet = CodeAlphabet.DIGITS;
        Duration lifetime = NIST_MAX_LIFETIME;
        boolean lifetimeBeyondNist;
        Duration resendAfter = Duration.ofSeconds(30);
        int maxSends = 5;
        int maxAttempts = 5;
        int maxFailures = 10;
        Duration lockout = Duration.ofHours(1);
        Duration storeTimeout = Duration.ofSeconds(2);
        Clock clock = Clock.systemUTC();
        VerificationListener listener = new VerificationListener() {};

        private Builder() {}

        /** Sends each code; {@code loginCode::send} for a generated waotp sender. This or {@link #trackedSender} is required. */
        public Builder sender(CodeSender sender) {
            Objects.requireNonNull(sender, "sender");
            this.sender = (phone, code, tag) -> sender.send(phone, code);
            this.tracked = false;
            return this;
        }

        /**
         * Sends each code with the verifier's tag as {@code ref2}, so that delivery callbacks reach the pending
         * code ({@link #delivery}, the SMS fallback on {@code failed}). Replaces {@link #sender}.
         */
        public Builder trackedSender(TrackedCodeSender sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
            this.tracked = true;
            return this;
        }

        /** Sends the code by SMS when WhatsApp cannot deliver it; default none. */
        public Builder smsFallback(SmsFallback smsFallback) {
            this.smsFallback = Objects.requireNonNull(smsFallback, "smsFallback");
            return this;
        }

        /**
         * The HMAC key new codes are kept under, at least 32 bytes from the application's secrets (the
         * same on every instance that shares a store). Required; the array is copied and never shown.
         */
        public Builder secret(byte[] secret) {
            this.secret = CodeHasher.checkSecret("secret", secret);
            return this;
        }

        /**
         * Secrets used before the current one, newest first: a check also accepts codes made under them,
         * so rotating the secret voids no pending code. Drop them once the lifetime has passed since the
         * rotation. Each at least 32 bytes; copied and never shown. Default none.
         */
        public Builder previousSecrets(List<byte[]> previousSecrets) {
            Objects.requireNonNull(previousSecrets, "previousSecrets");
            List<byte[]> copies = new ArrayList<>(previousSecrets.size());
            for (int i = 0; i < previousSecrets.size(); i++) {
                copies.add(CodeHasher.checkSecret("previousSecrets[" + i + "]", previousSecrets.get(i)));
            }
            this.previousSecrets = List.copyOf(copies);
            return this;
        }

        /** Where pending codes are kept; default a new {@link InMemoryVerificationStore} (one instance only). */
        public Builder store(VerificationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the rate limits' buckets are kept; default a new {@link InMemoryRateLimitStorage}. */
        public Builder rateLimitStorage(RateLimitStorage rateLimitStorage) {
            this.rateLimitStorage = Objects.requireNonNull(rateLimitStorage, "rateLimitStorage");
            return this;
        }

        /** The limits on starts; default {@link RateLimits#defaults()}. */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /** Characters per code, 4 to 10, and with the alphabet at least a million codes; default 6. */
        public Builder codeLength(int codeLength) {
            this.codeLength = CodeGenerator.checkLength(codeLength);
            return this;
        }

        /** The characters codes are made of; default {@link CodeAlphabet#DIGITS}. */
        public Builder alphabet(CodeAlphabet alphabet) {
            this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
            return this;
        }

        /**
         * How long a sent code can be checked, positive and at most 10 minutes (NIST SP 800-63B-4) unless
         * {@link #lifetimeBeyondNist(boolean)}; default 10 minutes.
         */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = new StartRules(lifetime, resendAfter, maxSends).lifetime();
            return this;
        }

        /** Allows a lifetime over 10 minutes, against NIST SP 800-63B-4's advice; default false. */
        public Builder lifetimeBeyondNist(boolean allowed) {
            this.lifetimeBeyondNist = allowed;
            return this;
        }

        /** Checks allowed per code, at least 1; default 5. Past them the code is dead, even the right one. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new InvalidInputException("maxAttempts", "must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Failed checks allowed per phone and purpose across codes, 1 to 100 (NIST SP 800-63B allows at
         * most 100 consecutive failures per account); then starts and checks are refused for the
         * {@link #lockout}. Each failure after that locks again. An approval resets the count; so does a
         * day without a failure. Default 10.
         */
        public Builder maxFailures(int maxFailures) {
            if (maxFailures < 1 || maxFailures > 100) {
                throw new InvalidInputException("maxFailures", "must be 1 to 100, was " + maxFailures);
            }
            this.maxFailures = maxFailures;
            return this;
        }

        /** How long a phone stays locked for a purpose once {@link #maxFailures} is reached, 1 minute to 24 hours; default 1 hour. */
        public Builder lockout(Duration lockout) {
            Objects.requireNonNull(lockout, "lockout");
            if (lockout.compareTo(Duration.ofMinutes(1)) < 0 || lockout.compareTo(FAILURE_MEMORY) > 0) {
                throw new InvalidInputException("lockout", "must be 1 minute to 24 hours, was " + lockout);
            }
            this.lockout = lockout;
            return this;
        }

        /** The least time between two sends to one phone, zero or more; default 30 seconds. */
        public Builder resendAfter(Duration resendAfter) {
            this.resendAfter = new StartRules(lifetime, resendAfter, maxSends).resendAfter();
            return this;
        }

        /** Sends per verification, the first included, at least 1; default 5. */
        public Builder maxSends(int maxSends) {
            this.maxSends = new StartRules(lifetime, resendAfter, maxSends).maxSends();
            return this;
        }

        /**
         * How long a store or rate-limit call may take before it fails closed; default 2 seconds. The
         * verifier's one timeout: the storage backends are given it and have none of their own.
         */
        public Builder storeTimeout(Duration storeTimeout) {
            Objects.requireNonNull(storeTimeout, "storeTimeout");
            if (storeTimeout.isNegative() || storeTimeout.isZero()) {
                throw new InvalidInputException("storeTimeout", "must be positive, was " + storeTimeout);
            }
            this.storeTimeout = storeTimeout;
            return this;
        }

        /** The time codes expire by and the rate limits refill by; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Told every outcome, for metrics; default none. */
        public Builder listener(VerificationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * A verifier with these settings, for the purpose {@value Verifier#DEFAULT_PURPOSE}.
         *
         * @throws InvalidInputException if the sender or the secret is not set, the codes are weaker than
         *     20 bits, the lifetime is over 10 minutes without {@link #lifetimeBeyondNist(boolean)}, or the
         *     fallback's {@code noDeliveryAfter} cannot work: without a {@link #trackedSender}, or not shorter than
         *     the lifetime
         */
        public Verifier build() {
            if (sender == null) {
                throw new InvalidInputException("sender", "is required");
            }
            if (secret == null) {
                throw new InvalidInputException("secret", "is required (at least " + CodeHasher.MIN_SECRET_BYTES + " bytes)");
            }
            CodeGenerator.checkStrength(codeLength, alphabet);
            if (lifetime.compareTo(NIST_MAX_LIFETIME) > 0 && !lifetimeBeyondNist) {
                throw new InvalidInputException("lifetime", "must be at most 10 minutes (NIST SP 800-63B-4 for"
                        + " out-of-band secrets), was " + lifetime + "; lifetimeBeyondNist(true) allows more");
            }
            checkNoDeliveryAfter();
            List<byte[]> secrets = new ArrayList<>(1 + previousSecrets.size());
            secrets.add(secret);
            secrets.addAll(previousSecrets);
            return new Verifier(new VerificationEngine(this, sender, new CodeHasher(secrets)), DEFAULT_PURPOSE);
        }

        /** A no-delivery wait that could never end well is refused, rather than sending every code twice or never. */
        private void checkNoDeliveryAfter() {
            Duration wait = smsFallback == null ? null : smsFallback.noDeliveryAfter;
            if (wait == null) {
                return;
            }
            if (!tracked) {
                throw new InvalidInputException("noDeliveryAfter", "needs a trackedSender: a sender that does not put"
                        + " the verifier's tag in ref2 never hears that a code was delivered, so every code would also"
                        + " go by SMS");
            }
            if (wait.compareTo(lifetime) >= 0) {
                throw new InvalidInputException("noDeliveryAfter", "must be shorter than the lifetime (" + lifetime
                        + "), was " + wait + ": the code expires before the wait ends, so no SMS would ever go");
            }
        }
    }
}
