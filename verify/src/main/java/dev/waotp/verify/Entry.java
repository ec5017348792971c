package dev.waotp.verify;

import dev.waotp.DeliveryState;
import dev.waotp.verify.spi.NewCode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One key's state in the {@link InMemoryVerificationStore}: its pending code, if any, with the tag,
 * channel and delivery state of the message that carried it, and its failed checks across codes.
 * Replaced, never changed, so the store's {@code compute} stays atomic.
 */
final class Entry {
    static final Entry EMPTY = new Entry(null, 0, 0, Instant.MIN, Instant.MIN, 0, Instant.MIN, null);

    final @Nullable NewCode code;
    final int sends;
    final int attempts;
    final Instant lastSend;
    final Instant expiresAt;
    final int failures;
    final Instant failuresForgottenAt;
    final @Nullable Instant lockedUntil;
    final @Nullable DeliveryState delivery;

    private Entry(@Nullable NewCode code, int sends, int attempts, Instant lastSend, Instant expiresAt,
            int failures, Instant failuresForgottenAt, @Nullable Instant lockedUntil) {
        this(code, sends, attempts, lastSend, expiresAt, failures, failuresForgottenAt, lockedUntil, null);
    }

    private Entry(@Nullable NewCode code, int sends, int attempts, Instant lastSend, Instant expiresAt,
            int failures, Instant failuresForgottenAt, @Nullable Instant lockedUntil, @Nullable DeliveryState delivery) {
        this.code = code;
        this.sends = sends;
        this.attempts = attempts;
        this.lastSend = lastSend;
        this.expiresAt = expiresAt;
        this.failures = failures;
        this.failuresForgottenAt = failuresForgottenAt;
        this.lockedUntil = lockedUntil;
        this.delivery = delivery;
    }

    byte @Nullable [] hmac() {
        return code == null ? null : code.hmac();
    }

    boolean codeLiveAt(Instant now) {
        return code != null && now.isBefore(expiresAt);
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
        return new Entry(code, sends, attempts, lastSend, expiresAt, 0, Instant.MIN, null, delivery);
    }

    Entry withCode(NewCode newCode, int newSends, Instant now, Instant newExpiresAt) {
        return new Entry(newCode, newSends, 0, now, newExpiresAt, failures, failuresForgottenAt, lockedUntil);
    }

    /** The same verification (sends, last send, expiry, attempts) with another code, whose delivery is not known yet. */
    Entry withCodeInPlace(NewCode newCode) {
        return new Entry(newCode, sends, attempts, lastSend, expiresAt, failures, failuresForgottenAt, lockedUntil, null);
    }

    Entry withFailure(int newAttempts, int newFailures, Instant forgottenAt, @Nullable Instant newLockedUntil) {
        return new Entry(code, sends, newAttempts, lastSend, expiresAt, newFailures, forgottenAt,
                newLockedUntil != null ? newLockedUntil : lockedUntil, delivery);
    }

    Entry withDelivery(DeliveryState state) {
        return new Entry(code, sends, attempts, lastSend, expiresAt, failures, failuresForgottenAt, lockedUntil, state);
    }

    Entry withoutCode() {
        return new Entry(null, 0, 0, Instant.MIN, Instant.MIN, failures, failuresForgottenAt, lockedUntil);
    }

    /** Counts and times only: never the HMAC or the tag. */
    @Override
    public String toString() {
        return "Entry{sends=" + sends + ", attempts=" + attempts + ", expiresAt=" + expiresAt
                + ", failures=" + failures + ", lockedUntil=" + lockedUntil + ", delivery=" + delivery + "}";
    }
}
