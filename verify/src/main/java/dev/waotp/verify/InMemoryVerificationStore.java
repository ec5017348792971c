package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import dev.waotp.DeliveryState;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryOrder;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link VerificationStore}: pending verifications in this JVM's memory, for an
 * application that runs as one instance (with several, a user could start on one and check on
 * another; use the Redis store then).
 *
 * <p>Each operation is one atomic {@link ConcurrentHashMap#compute} on the key's entry. Entries with
 * nothing live (no live code, no remembered failures, no lock) are swept out by starts, at most once a
 * minute of the verifier's clock, and the number of entries is capped: when the cap is reached even
 * after a sweep, a start for a new key fails with {@link VerificationStoreException} rather than
 * growing without bound. The per-application rate limit keeps a real application far below the cap.
 */
public final class InMemoryVerificationStore implements VerificationStore {
    /** The default cap on entries. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final long SWEEP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    private final ConcurrentHashMap<VerificationKey, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final AtomicLong nextSweepMillis = new AtomicLong(Long.MIN_VALUE);

    /** A store holding at most {@value #DEFAULT_MAX_ENTRIES} entries. */
    public InMemoryVerificationStore() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /** A store holding at most {@code maxEntries} entries (at least 1). */
    public InMemoryVerificationStore(int maxEntries) {
        if (maxEntries < 1) {
            throw new InvalidInputException("maxEntries", "must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public StartDecision start(VerificationKey key, NewCode newCode, Instant now, StartRules rules) {
        sweepIfDue(now);
        makeRoomFor(key, now);
        NewCode code = copy(newCode);
        StartDecision[] decision = new StartDecision[1];
        entries.compute(key, (k, found) -> {
            Entry entry = found == null ? Entry.EMPTY : found.forgetFailuresAfter(now);
            if (entry.lockedAt(now)) {
                decision[0] = new StartDecision.Locked(entry.lockedUntil);
                return entry;
            }
            if (!entry.codeLiveAt(now)) {
                decision[0] = new StartDecision.Started(rules.maxSends() - 1);
                return entry.withCode(code, 1, now, now.plus(rules.lifetime()));
            }
            if (entry.sends >= rules.maxSends()) {
                decision[0] = new StartDecision.TooSoon(Duration.between(now, entry.expiresAt));
                return entry;
            }
            Duration wait = Duration.between(now, entry.lastSend.plus(rules.resendAfter()));
            if (wait.isNegative() || wait.isZero()) {
                decision[0] = new StartDecision.Started(rules.maxSends() - entry.sends - 1);
                return entry.withCode(code, entry.sends + 1, now, now.plus(rules.lifetime()));
            }
            decision[0] = new StartDecision.TooSoon(wait);
            return entry;
        });
        return decision[0];
    }

    @Override
    public CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules) {
        CheckResult[] result = {new CheckResult.NotPending()};
        entries.computeIfPresent(key, (k, found) -> {
            Entry entry = found.forgetFailuresAfter(now);
            if (entry.lockedAt(now)) {
                result[0] = new CheckResult.Locked(entry.lockedUntil);
                return entry;
            }
            if (entry.code == null) {
                return entry.liveAt(now) ? entry : null;
            }
            if (!entry.codeLiveAt(now)) {
                result[0] = new CheckResult.Expired();
                return entry;
            }
            if (entry.attempts >= rules.maxAttempts()) {
                result[0] = new CheckResult.TooManyAttempts();
                return entry;
            }
            int attempts = entry.attempts + 1;
            if (ConstantTime.matchesAny(entry.hmac(), candidates)) {
                result[0] = new CheckResult.Approved();
                return null;
            }
            int failures = entry.failures + 1;
            Instant lockedUntil = failures >= rules.maxFailures() ? now.plus(rules.lockout()) : null;
            result[0] = lockedUntil != null
                    ? new CheckResult.Locked(lockedUntil)
                    : new CheckResult.WrongCode(rules.maxAttempts() - attempts);
            return entry.withFailure(attempts, failures, now.plus(rules.failureMemory()), lockedUntil);
        });
        return result[0];
    }

    @Override
    public void discard(VerificationKey key, byte[] codeHmac) {
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.code == null || !ConstantTime.matchesAny(entry.hmac(), List.of(codeHmac))) {
                return entry;
            }
            Entry withoutCode = entry.withoutCode();
            return withoutCode.failures > 0 || withoutCode.lockedUntil != null ? withoutCode : null;
        });
    }

    @Override
    public StartDecision replace(VerificationKey key, String failedTag, NewCode newCode, Instant now) {
        NewCode code = copy(newCode);
        StartDecision[] decision = {new StartDecision.Superseded()};
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.lockedAt(now)) {
                decision[0] = new StartDecision.Locked(entry.lockedUntil);
                return entry;
            }
            if (!entry.codeLiveAt(now) || !entry.code.tag().equals(failedTag)) {
                return entry;
            }
            decision[0] = new StartDecision.Replaced(entry.expiresAt);
            return entry.withCodeInPlace(code);
        });
        return decision[0];
    }

    @Override
    public DeliveryUpdate recordDelivery(VerificationKey key, String tag, DeliveryState state, Instant now) {
        DeliveryUpdate[] update = {DeliveryUpdate.NOT_CURRENT};
        entries.computeIfPresent(key, (k, entry) -> {
            if (!entry.codeLiveAt(now) || !entry.code.tag().equals(tag)) {
                return entry;
            }
            if (!DeliveryOrder.advances(entry.delivery, state)) {
                update[0] = DeliveryUpdate.UNCHANGED;
                return entry;
            }
            update[0] = state.isFailure() ? DeliveryUpdate.FAILED : DeliveryUpdate.UPDATED;
            return entry.withDelivery(state);
        });
        return update[0];
    }

    @Override
    public Optional<PendingCode> pending(VerificationKey key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.codeLiveAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new PendingCode(entry.code.tag(), entry.code.channel(), entry.delivery));
    }

    /** How many entries are held, ones with nothing live not yet swept included. */
    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "InMemoryVerificationStore{entries=" + entries.size() + ", maxEntries=" + maxEntries + "}";
    }

    private static NewCode copy(NewCode code) {
        return new NewCode(code.hmac().clone(), code.tag(), code.channel());
    }

    private void makeRoomFor(VerificationKey key, Instant now) {
        if (entries.size() < maxEntries || entries.containsKey(key)) {
            return;
        }
        sweep(now);
        if (entries.size() >= maxEntries) {
            throw new VerificationStoreException("the in-memory verification store is full: "
                    + maxEntries + " entries (maxEntries); raise it or tighten the rate limits");
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
        for (VerificationKey key : entries.keySet()) {
            entries.computeIfPresent(key, (k, entry) -> entry.liveAt(now) ? entry : null);
        }
    }
}
