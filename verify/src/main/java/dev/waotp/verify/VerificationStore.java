package dev.waotp.verify;

import java.time.Instant;

/**
 * Where pending verifications live, one per phone number. The {@link Verifier} gives each method the
 * time ({@code now}, from its clock), so every store decides expiry the same way and tests can move
 * time; a store may also drop entries by itself once they expire (Redis key expiry, eviction in
 * memory), so nothing grows without bound.
 *
 * <p>Every method is atomic per phone number (on Redis, one round trip): two calls for the same
 * number never interleave. A store never sees a code, only its HMAC; it compares HMACs in constant
 * time. A store that cannot answer throws {@link VerificationStoreException}; it never guesses.
 *
 * <p>The abstract {@code VerificationStoreContractTest} in this module's test-jar states the rules
 * below as tests; a new store extends it.
 */
public interface VerificationStore {

    /**
     * The start gate, atomic: if the phone has no live verification (none, or its code expired at or
     * before {@code now}), creates one holding {@code codeHmac} with one send, no attempts, expiring
     * at {@code now + rules.lifetime()}. If it has one, replaces its code with {@code codeHmac} (the old
     * code stops working), counts a send, resets the attempts and renews the expiry, unless fewer than
     * {@code rules.resendAfter()} passed since the last send or {@code rules.maxSends()} sends were
     * made: then nothing changes and the decision says how long to wait.
     *
     * @param phone the phone number, already checked to be E.164
     * @param codeHmac the HMAC of the new code; the store must not change the array
     * @param now the current time, from the verifier's clock
     * @param rules lifetime, time between sends and sends per verification
     */
    StartDecision start(String phone, byte[] codeHmac, Instant now, StartRules rules);

    /**
     * The check, atomic: if the phone has a live verification with attempts left, counts one attempt
     * first, then compares {@code codeHmac} in constant time; a match is consumed (the verification is
     * removed, so it is approved only once). Expired (its expiry at or before {@code now}), used up
     * ({@code maxAttempts} attempts counted) and absent verifications are reported as such, without
     * counting.
     *
     * @param phone the phone number, already checked to be E.164
     * @param codeHmac the HMAC of the code the user typed
     * @param now the current time, from the verifier's clock
     * @param maxAttempts checks allowed per code, at least 1
     */
    CheckDecision check(String phone, byte[] codeHmac, Instant now, int maxAttempts);

    /**
     * Removes the phone's verification if it still holds {@code codeHmac}; used when sending that
     * code failed, so the user's next start is not refused as too soon. A verification that has
     * moved on to another code (a later start) is left alone.
     */
    void discard(String phone, byte[] codeHmac);
}
