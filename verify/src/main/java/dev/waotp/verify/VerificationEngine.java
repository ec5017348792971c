package dev.waotp.verify;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.SendResult;
import dev.waotp.verify.FallbackResult.Refusal;
import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@link Verifier} of one build shares, whatever its purpose: the secrets, the store, the
 * rate limits, the rules, the fallback; and the algorithms over them: start, check, delivery and
 * fallback.
 */
final class VerificationEngine {
    private static final BucketRateLimiter.Taken NOTHING_TAKEN =
            new BucketRateLimiter.Taken(List.of(), null, Optional.empty());
    private static final Logger log = LoggerFactory.getLogger(VerificationEngine.class);
    /** What a start without sending reports in place of Kaleyra's answer: no message. */
    private static final SendResult NOT_SENT = new SendResult(List.of(), null, null);

    private final TrackedCodeSender sender;
    private final CodeHasher hasher;
    private final CodeGenerator generator;
    private final SecureRandom random = new SecureRandom();
    private final CodeAlphabet alphabet;
    private final VerificationStore store;
    private final BucketRateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final StartRules startRules;
    private final CheckRules checkRules;
    private final @Nullable SmsFallback sms;
    private final @Nullable NoDeliveryTimer noDeliveryTimer;
    private final Clock clock;
    final VerificationListener listener;
    private final TimedCalls calls;

    VerificationEngine(Verifier.Builder builder, TrackedCodeSender sender, CodeHasher hasher) {
        this.sender = sender;
        this.hasher = hasher;
        this.alphabet = builder.alphabet;
        this.generator = new CodeGenerator(random, alphabet, builder.codeLength);
        this.store = builder.store != null ? builder.store : new InMemoryVerificationStore();
        this.clock = builder.clock;
        this.rateLimiter = new BucketRateLimiter(
                builder.rateLimitStorage != null ? builder.rateLimitStorage : new InMemoryRateLimitStorage(),
                clock, builder.storeTimeout);
        this.rateLimits = builder.rateLimits;
        this.startRules = new StartRules(builder.lifetime, builder.resendAfter, builder.maxSends);
        this.checkRules = new CheckRules(builder.maxAttempts, builder.maxFailures, builder.lockout,
                Verifier.Builder.FAILURE_MEMORY);
        this.sms = builder.smsFallback;
        this.noDeliveryTimer = sms != null && sms.noDeliveryAfter != null
                ? new NoDeliveryTimer(sms.noDeliveryAfter) : null;
        this.listener = builder.listener;
        this.calls = new TimedCalls(builder.storeTimeout);
    }

    /** @param send false for a start that keeps a code no one is told (see {@link Verifier#startWithoutSending}) */
    StartResult start(String purpose, String phone, String callerKey, boolean send) {
        return start(purpose, phone, callerKey, send, false);
    }

    /**
     * @param keepFailedCode true to leave the code of a failed send pending, untold, rather than withdraw it (see
     *     {@link Verifier#startHidingFailure})
     */
    StartResult start(String purpose, String phone, String callerKey, boolean send, boolean keepFailedCode) {
        BucketRateLimiter.Taken tokens = calls.call("the rate limits",
                () -> rateLimiter.tryAcquire(phone, callerKey, rateLimits), rateLimiter::giveBack);
        if (tokens.refused().isPresent()) {
            return tokens.refused().get();
        }
        VerificationKey key = new VerificationKey(purpose, phone);
        String code = generator.next();
        MessageTag tag = MessageTag.create(purpose, phone, random);
        NewCode stored = new NewCode(hasher.hmac(purpose, phone, code), tag.value(), Channel.WHATSAPP);
        Instant now = clock.instant();
        StartDecision decision = storeStart(key, stored, now, tokens);
        if (decision instanceof StartDecision.TooSoon tooSoon) {
            return new StartResult.TooSoon(tooSoon.retryAfter());
        }
        if (decision instanceof StartDecision.Locked locked) {
            return new StartResult.Locked(locked.until());
        }
        int sendsLeft = ((StartDecision.Started) decision).sendsLeft();
        Duration nextStart = sendsLeft > 0 ? startRules.resendAfter() : startRules.lifetime();
        if (!send) {
            return new StartResult.Sent(NOT_SENT, now.plus(startRules.lifetime()), nextStart, sendsLeft, Channel.WHATSAPP);
        }
        SendResult sent;
        try {
            sent = sender.send(phone, code, tag.value());
        } catch (RuntimeException e) {
            return afterFailedSend(key, stored, new StartResult.Sent(NOT_SENT, now.plus(startRules.lifetime()),
                    nextStart, sendsLeft, Channel.SMS), e, keepFailedCode);
        }
        if (noDeliveryTimer != null) {
            noDeliveryTimer.schedule(() -> fallBackUnlessDelivered(key, tag.value()));
        }
        return new StartResult.Sent(sent, now.plus(startRules.lifetime()), nextStart, sendsLeft, Channel.WHATSAPP);
    }

    /** @param callerKey null for a check the caller's limit does not count (see {@link Verifier#check(String, String)}) */
    CheckResult check(String purpose, String phone, String code, @Nullable String callerKey) {
        if (callerKey != null) {
            Optional<RateLimited> refused =
                    calls.call("the rate limits", () -> rateLimiter.tryAcquireCheck(callerKey, rateLimits));
            if (refused.isPresent()) {
                return new CheckResult.RateLimited(refused.get().limit(), refused.get().retryAfter());
            }
        }
        VerificationKey key = new VerificationKey(purpose, phone);
        List<byte[]> candidates = hasher.candidates(purpose, phone, alphabet.normalize(code));
        Instant now = clock.instant();
        return calls.call("the verification store", () -> store.check(key, candidates, now, checkRules));
    }

    Optional<Delivery> delivery(String purpose, String phone) {
        VerificationKey key = new VerificationKey(purpose, phone);
        Instant now = clock.instant();
        return calls.call("the verification store", () -> store.pending(key, now))
                .map(pending -> new Delivery(pending.channel(), pending.state()));
    }

    /** @param send false for a resend that keeps a code no one is told (see {@link Verifier#resendBySmsWithoutSending}) */
    FallbackResult resendBySms(String purpose, String phone, String callerKey, boolean send) {
        return fallBack(new VerificationKey(purpose, phone), callerKey, null, FallbackReason.ASKED, send);
    }

    boolean hasSmsFallback() {
        return sms != null;
    }

    /** A status for one of this verifier's sends (any purpose): recorded, and a failure falls back. */
    void onStatus(DeliveryStatus status) {
        Optional<MessageTag> tag = MessageTag.parse(status.ref2());
        if (tag.isEmpty()) {
            return;
        }
        VerificationKey key = new VerificationKey(tag.get().purpose(), tag.get().phone());
        Instant now = clock.instant();
        DeliveryUpdate update = calls.call("the verification store",
                () -> store.recordDelivery(key, tag.get().value(), status.state(), now));
        if (update == DeliveryUpdate.NOT_CURRENT || update == DeliveryUpdate.UNCHANGED) {
            return;
        }
        tell(listener::deliveryRecorded, new Delivery(Channel.WHATSAPP, status.state()));
        if (update == DeliveryUpdate.FAILED && sms != null) {
            tell(listener::fellBack, fallBack(key, null, tag.get().value(), FallbackReason.DELIVERY_FAILED, true));
        }
    }

    /**
     * The WhatsApp send threw: fall back when the failure says the number cannot get it, else withdraw the code. The
     * SMS is this start's send, so the start answers as it would have ({@code bySms}), but for the channel.
     */
    private StartResult afterFailedSend(VerificationKey key, NewCode stored, StartResult.Sent bySms,
            RuntimeException failure, boolean keepFailedCode) {
        if (sms != null && sms.sendRefusal.test(failure)) {
            FallbackResult fallback;
            try {
                fallback = fallBack(key, null, stored.tag(), FallbackReason.SEND_REFUSED, true);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                throw failure;
            }
            tell(listener::fellBack, fallback);
            if (fallback instanceof FallbackResult.Sent sent) {
                return new StartResult.Sent(sent.sendResult(), sent.expiresAt(), bySms.resendAfter(),
                        bySms.sendsLeft(), Channel.SMS);
            }
        }
        if (!keepFailedCode) {
            withdraw(key, stored.hmac(), failure);
        }
        throw failure;
    }

    private void fallBackUnlessDelivered(VerificationKey key, String tag) {
        try {
            Optional<PendingCode> pending = calls.call("the verification store", () -> store.pending(key, clock.instant()));
            boolean stillWaiting = pending.filter(p -> p.tag().equals(tag))
                    .map(p -> p.state() == null || p.state() == DeliveryState.SENT).orElse(false);
            if (stillWaiting) {
                tell(listener::fellBack, fallBack(key, null, tag, FallbackReason.NO_DELIVERY, true));
            }
        } catch (RuntimeException e) {
            log.warn("The no-delivery fallback could not run: {}", e.getMessage());
        }
    }

    /**
     * Sends a new code by SMS in place of the pending one. An automatic fallback ({@code failedTag}, the message that
     * failed) belongs to the start that sent that message: it takes no rate-limit token of its own (only the SMS
     * cap's), and the store puts its code in the failed one's place, once. One the application asks for
     * ({@code failedTag} null) is a start of its own, limited like one. A fallback that sends nothing gives back every
     * token it took, so refused asks cost no one's allowance and answer as any other number's would. With
     * {@code send} false everything happens but the SMS itself, the cap's token included, so that a decoy answers
     * as a real ask would even once the cap is reached.
     */
    private FallbackResult fallBack(VerificationKey key, @Nullable String callerKey, @Nullable String failedTag,
            FallbackReason reason, boolean send) {
        if (sms == null) {
            return new FallbackResult.Refused(reason, Refusal.NOT_CONFIGURED, null);
        }
        String phone = key.phone();
        if (!sms.allows(phone)) {
            return new FallbackResult.Refused(reason, Refusal.COUNTRY_NOT_ALLOWED, null);
        }
        Instant now = clock.instant();
        boolean asked = failedTag == null;
        BucketRateLimiter.Taken limited = NOTHING_TAKEN;
        if (asked) {
            limited = calls.call("the rate limits",
                    () -> rateLimiter.tryAcquire(phone, callerKey, rateLimits), rateLimiter::giveBack);
            if (limited.refused().isPresent()) {
                return new FallbackResult.Refused(reason, Refusal.RATE_LIMITED, limited.refused().get().retryAfter());
            }
        } else {
            // Read first, so that a duplicate callback takes no token at all; the replace below decides.
            boolean current = calls.call("the verification store", () -> store.pending(key, now))
                    .filter(p -> p.tag().equals(failedTag)).isPresent();
            if (!current) {
                return new FallbackResult.Refused(reason, Refusal.NOT_PENDING, null);
            }
        }
        BucketRateLimiter.Taken capped;
        try {
            capped = calls.call("the rate limits", () -> rateLimiter.tryAcquireSms(sms.cap), rateLimiter::giveBack);
        } catch (VerificationStoreException e) {
            rateLimiter.giveBack(limited);
            throw e;
        }
        if (capped.refused().isPresent()) {
            rateLimiter.giveBack(limited.withoutCaller());
            return new FallbackResult.Refused(reason, Refusal.SMS_CAP_REACHED, capped.refused().get().retryAfter());
        }
        String code = generator.next();
        NewCode stored = new NewCode(hasher.hmac(key.purpose(), phone, code),
                MessageTag.create(key.purpose(), phone, random).value(), Channel.SMS);
        StartDecision decision;
        try {
            decision = calls.call("the verification store", () -> asked
                    ? store.start(key, stored, now, startRules)
                    : store.replace(key, failedTag, stored, now), late -> discardUnsent(key, stored, late));
        } catch (VerificationStoreException e) {
            rateLimiter.giveBack(limited);
            rateLimiter.giveBack(capped);
            throw e;
        }
        Instant expiresAt;
        if (decision instanceof StartDecision.Replaced replaced) {
            expiresAt = replaced.expiresAt();
        } else if (decision instanceof StartDecision.Started) {
            expiresAt = now.plus(startRules.lifetime());
        } else {
            rateLimiter.giveBack(limited.withoutCaller());
            rateLimiter.giveBack(capped);
            return refused(reason, decision, now);
        }
        if (!send) {
            return new FallbackResult.Sent(Channel.SMS, reason, NOT_SENT, expiresAt);
        }
        SendResult sent;
        try {
            sent = sms.sender.send(phone, code);
        } catch (RuntimeException e) {
            withdraw(key, stored.hmac(), e);
            throw e;
        }
        log.debug("fallback ({}): code sent by SMS", reason);
        return new FallbackResult.Sent(Channel.SMS, reason, sent, expiresAt);
    }

    private FallbackResult.Refused refused(FallbackReason reason, StartDecision decision, Instant now) {
        if (decision instanceof StartDecision.Locked locked) {
            // The wait to the lock's end, so that an endpoint can answer Retry-After as it does for a locked start.
            return new FallbackResult.Refused(reason, Refusal.LOCKED, Duration.between(now, locked.until()));
        }
        if (decision instanceof StartDecision.TooSoon tooSoon) {
            // Only an asked-for fallback is a start; it waits like a resend, or for the expiry once the sends are used up.
            boolean sendsLeft = tooSoon.retryAfter().compareTo(startRules.resendAfter()) <= 0;
            return new FallbackResult.Refused(reason, sendsLeft ? Refusal.TOO_SOON : Refusal.SENDS_USED_UP,
                    tooSoon.retryAfter());
        }
        return new FallbackResult.Refused(reason, Refusal.NOT_PENDING, null);
    }

    /**
     * The store half of a start. When it fails, the start's tokens are given back; when its answer comes after the
     * caller was told it failed, the code it stored is removed too: a start answered as failed changes nothing.
     */
    private StartDecision storeStart(VerificationKey key, NewCode stored, Instant now, BucketRateLimiter.Taken tokens) {
        try {
            return calls.call("the verification store", () -> store.start(key, stored, now, startRules),
                    late -> discardUnsent(key, stored, late));
        } catch (VerificationStoreException e) {
            rateLimiter.giveBack(tokens);
            throw e;
        }
    }

    /** A store write answered after its caller was told it failed: no one will send that code, so it goes. */
    private void discardUnsent(VerificationKey key, NewCode stored, StartDecision late) {
        if (late instanceof StartDecision.Started || late instanceof StartDecision.Replaced) {
            store.discard(key, stored.hmac());
        }
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

    static <T> void tell(Consumer<T> event, T value) {
        try {
            event.accept(value);
        } catch (RuntimeException e) {
            log.warn("VerificationListener threw; the outcome stands", e);
        }
    }

    @Override
    public String toString() {
        return "codeLength=" + generator.length() + ", alphabet=" + alphabet
                + ", lifetime=" + startRules.lifetime() + ", resendAfter=" + startRules.resendAfter()
                + ", maxSends=" + startRules.maxSends() + ", maxAttempts=" + checkRules.maxAttempts()
                + ", maxFailures=" + checkRules.maxFailures() + ", lockout=" + checkRules.lockout()
                + ", store=" + store + ", rateLimits=" + rateLimits + " in " + rateLimiter
                + (sms == null ? "" : ", fallback=" + sms);
    }
}
