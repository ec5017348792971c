package dev.waotp.verify.spi;

import dev.waotp.DeliveryState;
import dev.waotp.verify.CheckResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where pending verifications live, one per {@link VerificationKey} (a purpose and a phone number),
 * with the key's count of failed checks. The verifier gives each method the time ({@code now}, from
 * its clock), so every store decides expiry the same way and tests can move time; a store may also
 * drop entries by itself once nothing in them is live (Redis key expiry, a sweep in memory).
 *
 * <p>Every method is atomic per key (on Redis, one round trip): two calls for the same key never
 * interleave. A store never sees a code, only HMACs; it compares them in constant time. A store that
 * cannot answer throws {@code VerificationStoreException}; it never guesses.
 *
 * <p>The abstract {@code VerificationStoreContractTest} in this module's test-jar (package {@code dev.waotp.verify.tck}) states the rules
 * below as tests; a new store extends it.
 */
public interface VerificationStore {

    /**
     * The start gate, atomic. A locked key (its lock ends after {@code now}) is refused with
     * {@link StartDecision.Locked}. A key with no live code (none, or its code expired at or before
     * {@code now}) gets a new verification holding {@code code} with one send, no attempts,
     * expiring at {@code now + rules.lifetime()}. A live one gets its code replaced by {@code code}
     * (the old code stops working), a send counted, its attempts reset and its expiry renewed, unless
     * fewer than {@code rules.resendAfter()} passed since the last send or {@code rules.maxSends()}
     * sends were made: then nothing changes and the decision says how long to wait. Failed checks
     * counted for the key are kept in every case.
     *
     * @param key the purpose and the phone number
     * @param code the new code's HMAC, tag and channel
     * @param now the current time, from the verifier's clock
     * @param rules lifetime, time between sends and sends per verification
     */
    StartDecision start(VerificationKey key, NewCode code, Instant now, StartRules rules);

    /**
     * The fallback, atomic: if the key's live code is still the one sent with {@code failedTag}, puts {@code code} in
     * its place (the old code stops working) and forgets the failed message's delivery state. The new code takes the
     * failed send's place rather than counting as a send of its own: the sends, the time of the last send, the expiry
     * and the attempts stay as they were, so a number whose message fails is answered as any other (and the resend
     * wait and {@code maxSends} do not apply: the send was counted when the failed message went). A locked key is
     * {@link StartDecision.Locked}; any other key is {@link StartDecision.Superseded}, so one failed message falls
     * back once, however many callbacks and instances ask.
     *
     * @return {@link StartDecision.Replaced} with the expiry the new code keeps, or why nothing changed
     */
    StartDecision replace(VerificationKey key, String failedTag, NewCode code, Instant now);

    /**
     * Records a delivery state for the message sent with {@code tag}, atomic, if it is still the key's live
     * code: {@code sent} &lt; {@code delivered} &lt; {@code read}; a failure ({@code failed}, {@code not-sent})
     * replaces only {@code sent} or nothing, and nothing replaces a failure, so callbacks in any order and
     * any number of times end in the same state.
     */
    DeliveryUpdate recordDelivery(VerificationKey key, String tag, DeliveryState state, Instant now);

    /** The key's live code (not expired at {@code now}), without its HMAC; empty when there is none. */
    Optional<PendingCode> pending(VerificationKey key, Instant now);

    /**
     * The check, atomic. In this order: a locked key is {@link CheckResult.Locked}, counting nothing;
     * no live code is {@link CheckResult.NotPending} or {@link CheckResult.Expired} (its expiry at or
     * before {@code now}), and a code with {@code maxAttempts} attempts counted is
     * {@link CheckResult.TooManyAttempts}, counting nothing. Otherwise one attempt is counted first,
     * then the stored HMAC is compared in constant time with each of {@code candidates}: a match is
     * {@link CheckResult.Approved}, removes the verification and forgets the key's failed checks; no
     * match counts one failed check for the key (forgetting earlier ones not followed by another within
     * {@code failureMemory}) and is {@link CheckResult.WrongCode}, or {@link CheckResult.Locked} until
     * {@code now + lockout} once the key has {@code maxFailures} failures.
     *
     * @param key the purpose and the phone number
     * @param candidates HMACs of the typed code, one per secret the verifier accepts, current first
     * @param now the current time, from the verifier's clock
     * @param rules attempts per code, failures per key and the lockout
     */
    CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules);

    /**
     * Removes the key's code if it is still {@code codeHmac}; used when sending that code failed, so
     * the user's next start is not refused as too soon. A code that a later start put in its place is
     * left alone, and so are the key's failed checks.
     */
    void discard(VerificationKey key, byte[] codeHmac);
}
