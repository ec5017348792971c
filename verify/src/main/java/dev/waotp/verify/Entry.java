package dev.waotp.verify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One key's state in the {@link InMemoryVerificationStore}: its pending code, if any, and its failed
 * checks across codes. Replaced, never changed, so the store's {@code compute} stays atomic.
 */
final class Entry {
    static final Entry EMPTY = new Entry(null, 0, 0, Instant.MIN, Instant.MIN, 0, Instant.MIN, null);

    final byte @Nullable [] hmac;
    final int sends;
    final int attempts;
    final Instant lastSend;
    final Instant expiresAt;
    final int failures;
    final Instant failuresForgottenAt;
    final @Nullable Instant lockedUntil;

    private Entry(byte @Nullable [] hmac, int sends, int attempts, Instant lastSend, Instant expiresAt,
            int failures, Instant failuresForgottenAt, @Nullable Instant lockedUntil) {
        this.hmac = hmac;
        this.sends = sends;
        this.attempts = attempts;
        this.lastSend = lastSend;
        this.expiresAt = expiresAt;
        this.failures = failures;
        this.failuresForgottenAt = failuresForgottenAt;
        this.lockedUntil = lockedUntil;
    }

    boolean codeLiveAt(Instant now) {
        return hmac != null && now.isBefore(expiresAt);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether anything here still matters: a live code, remembered failures or a lock. */
    boolean liveAt(Instant now) {
        return codeLiveAt(now) || lockedAt(now) || (failures > 0 && now.isBefore(failuresForgottenAt));
    }

    /** This entry, with failures not followed by another within the failure memory forgotten. */
    Entry forgetFailuresAfter(Instant now) {
        if (failures == 0 || now.isBefore(failuresForgottenAt) || lockedAt(now)) {
            return this;
        }
        return new Entry(hmac, sends, attempts, lastSend, expiresAt, 0, Instant.MIN, null);
    }

    Entry withCode(byte[] newHmac, int newSends, Instant now, Instant newExpiresAt) {
        return new Entry(newHmac, newSends, 0, now, newExpiresAt, failures, failuresForgottenAt, lockedUntil);
    }

    Entry withFailure(int newAttempts, int newFailures, Instant forgottenAt, @Nullable Instant newLockedUntil) {
        return new Entry(hmac, sends, newAttempts, lastSend, expiresAt, newFailures, forgottenAt,
                newLockedUntil != null ? newLockedUntil : lockedUntil);
    }

    Entry withoutCode() {
        return new Entry(null, 0, 0, Instant.MIN, Instant.MIN, failures, failuresForgottenAt, lockedUntil);
    }

    /** Counts and times only: never the HMAC. */
    @Override
    public String toString() {
        return "Entry{sends=" + sends + ", attempts=" + attempts + ", expiresAt=" + expiresAt
                + ", failures=" + failures + ", lockedUntil=" + lockedUntil + "}";
    }
}
