package dev.waotp.verify;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The serialized Bucket4j states of one limit's buckets, in this JVM's memory, with compare-and-swap.
 * Bounded in one of two ways, chosen per limit by {@link InMemoryRateLimitStorage}: a map that
 * refuses a new key when full (phone numbers: pushing out a phone's bucket would reset its limit), or
 * one that drops its least recently used key (caller keys: the caller chooses them anyway).
 */
final class BucketMap {
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final String name;
    private final ConcurrentMap<String, Entry> entries;
    private final int maxKeys;
    private final boolean refusesWhenFull;
    private final AtomicLong lastSweepNanos = new AtomicLong();

    private BucketMap(String name, ConcurrentMap<String, Entry> entries, int maxKeys, boolean refusesWhenFull) {
        this.name = name;
        this.entries = entries;
        this.maxKeys = maxKeys;
        this.refusesWhenFull = refusesWhenFull;
    }

    /** A map that refuses new keys once it holds {@code maxKeys} live ones. */
    static BucketMap refusingWhenFull(String name, int maxKeys) {
        return new BucketMap(name, new ConcurrentHashMap<>(), maxKeys, true);
    }

    /** A map that drops its least recently used keys beyond {@code maxKeys}. */
    static BucketMap evictingWhenFull(String name, int maxKeys) {
        return new BucketMap(name, Caffeine.newBuilder().maximumSize(maxKeys).<String, Entry>build().asMap(),
                maxKeys, false);
    }

    /** The key's state, or null when it has none or it expired by {@code nowNanos}. */
    byte @Nullable [] read(String key, long nowNanos) {
        Entry entry = entries.get(key);
        return entry == null || entry.expiredAt(nowNanos) ? null : entry.state;
    }

    /**
     * Sets the key's state to {@code updated} if it is still {@code original} (null: no live state).
     *
     * @throws VerificationStoreException when a new key would pass the bound of a refusing map
     */
    boolean compareAndSwap(String key, byte @Nullable [] original, byte[] updated, long expiresAtNanos,
            long nowNanos) {
        if (original == null && refusesWhenFull && !entries.containsKey(key)) {
            makeRoom(nowNanos);
        }
        boolean[] swapped = {false};
        entries.compute(key, (k, current) -> {
            byte[] state = current == null || current.expiredAt(nowNanos) ? null : current.state;
            if (!Arrays.equals(state, original)) {
                return current;
            }
            swapped[0] = true;
            return new Entry(updated, expiresAtNanos);
        });
        return swapped[0];
    }

    void remove(String key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    /** Sweeps expired keys at most once a second; still full, the new key is refused: fail closed. */
    private void makeRoom(long nowNanos) {
        if (entries.size() < maxKeys) {
            return;
        }
        long last = lastSweepNanos.get();
        if (nowNanos - last >= SWEEP_INTERVAL_NANOS && lastSweepNanos.compareAndSet(last, nowNanos)) {
            entries.entrySet().removeIf(entry -> entry.getValue().expiredAt(nowNanos));
        }
        if (entries.size() >= maxKeys) {
            throw new VerificationStoreException("the in-memory rate limits hold " + maxKeys + " " + name
                    + " buckets, their most; new " + name + "s are refused until some refill (raise the bound"
                    + " or keep the limits in Redis)");
        }
    }

    @Override
    public String toString() {
        return name + " buckets=" + entries.size() + "/" + maxKeys;
    }

    private record Entry(byte[] state, long expiresAtNanos) {
        boolean expiredAt(long nowNanos) {
            return nowNanos - expiresAtNanos >= 0;
        }
    }
}
