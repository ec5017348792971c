package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link VerificationStore}: pending verifications in this JVM's memory, for an
 * application that runs as one instance (with several, a user could start on one and check on
 * another; use the Redis store then).
 *
 * <p>Each operation is one atomic {@link ConcurrentHashMap#compute} on the phone's entry. Expired
 * entries are swept out by starts, at most once a minute of the verifier's clock (only starts add
 * entries, so between starts nothing grows), and the number of entries is capped: when the cap is reached even after a sweep, a start fails with
 * {@link VerificationStoreException} rather than growing without bound. The per-application rate limit
 * keeps a real application far below the cap.
 */
public final class InMemoryVerificationStore implements VerificationStore {
    /** The default cap on pending verifications. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final long SWEEP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final AtomicLong nextSweepMillis = new AtomicLong(Long.MIN_VALUE);

    /** A store holding at most {@value #DEFAULT_MAX_ENTRIES} pending verifications. */
    public InMemoryVerificationStore() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /** A store holding at most {@code maxEntries} pending verifications (at least 1). */
    public InMemoryVerificationStore(int maxEntries) {
        if (maxEntries < 1) {
            throw new InvalidInputException("maxEntries", "must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public StartDecision start(String phone, byte[] codeHmac, Instant now, StartRules rules) {
        sweepIfDue(now);
        makeRoomFor(phone, now);
        byte[] hmac = codeHmac.clone();
        StartDecision[] decision = new StartDecision[1];
        entries.compute(phone, (key, entry) -> {
            if (entry == null || entry.expiredAt(now)) {
                decision[0] = StartDecision.started(rules.maxSends() - 1);
                return new Entry(hmac, 1, 0, now, now.plus(rules.lifetime()));
            }
            if (entry.sends >= rules.maxSends()) {
                decision[0] = StartDecision.tooSoon(Duration.between(now, entry.expiresAt));
                return entry;
            }
            Duration wait = Duration.between(now, entry.lastSend.plus(rules.resendAfter()));
            if (wait.isNegative() || wait.isZero()) {
                decision[0] = StartDecision.started(rules.maxSends() - entry.sends - 1);
                return new Entry(hmac, entry.sends + 1, 0, now, now.plus(rules.lifetime()));
            }
            decision[0] = StartDecision.tooSoon(wait);
            return entry;
        });
        return decision[0];
    }

    @Override
    public CheckDecision check(String phone, byte[] codeHmac, Instant now, int maxAttempts) {
        CheckDecision[] decision = {CheckDecision.of(CheckDecision.Outcome.NOT_PENDING)};
        entries.computeIfPresent(phone, (key, entry) -> {
            if (entry.expiredAt(now)) {
                decision[0] = CheckDecision.of(CheckDecision.Outcome.EXPIRED);
                return entry;
            }
            if (entry.attempts >= maxAttempts) {
                decision[0] = CheckDecision.of(CheckDecision.Outcome.TOO_MANY_ATTEMPTS);
                return entry;
            }
            int attempts = entry.attempts + 1;
            if (MessageDigest.isEqual(entry.hmac, codeHmac)) {
                decision[0] = CheckDecision.of(CheckDecision.Outcome.APPROVED);
                return null;
            }
            decision[0] = CheckDecision.wrongCode(maxAttempts - attempts);
            return new Entry(entry.hmac, entry.sends, attempts, entry.lastSend, entry.expiresAt);
        });
        return decision[0];
    }

    @Override
    public void discard(String phone, byte[] codeHmac) {
        entries.computeIfPresent(phone, (key, entry) -> MessageDigest.isEqual(entry.hmac, codeHmac) ? null : entry);
    }

    /** How many verifications are held, expired ones not yet swept included. */
    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "InMemoryVerificationStore{entries=" + entries.size() + ", maxEntries=" + maxEntries + "}";
    }

    private void makeRoomFor(String phone, Instant now) {
        if (entries.size() < maxEntries || entries.containsKey(phone)) {
            return;
        }
        sweep(now);
        if (entries.size() >= maxEntries) {
            throw new VerificationStoreException("the in-memory verification store is full: "
                    + maxEntries + " verifications pending (maxEntries); raise it or tighten the rate limits");
        }
    }

    private void sweepIfDue(Instant now) {
        long due = nextSweepMillis.get();
        long nowMillis = now.toEpochMilli();
        if (nowMillis >= due && nextSweepMillis.compareAndSet(due, nowMillis + SWEEP_INTERVAL_MILLIS)) {
            sweep(now);
        }
    }

    /** Per key through computeIfPresent, so a sweep never removes an entry a start just renewed. */
    private void sweep(Instant now) {
        for (String phone : entries.keySet()) {
            entries.computeIfPresent(phone, (key, entry) -> entry.expiredAt(now) ? null : entry);
        }
    }

    /** One phone's pending verification; replaced, never changed, so compute stays atomic. */
    private record Entry(byte[] hmac, int sends, int attempts, Instant lastSend, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "Entry{sends=" + sends + ", attempts=" + attempts + ", expiresAt=" + expiresAt + "}";
        }
    }
}
