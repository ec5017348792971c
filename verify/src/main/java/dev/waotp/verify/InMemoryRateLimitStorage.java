package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.spi.RateLimitStorage;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.EnumMap;
import java.util.Map;

/**
 * The default {@link RateLimitStorage}: the buckets in this JVM's memory, for an application that runs
 * as one instance (with several, each would give its own limits; use the Redis storage then).
 *
 * <p>Each limit has a map of its own, so caller keys never compete with phone numbers for room. The
 * phone map never drops a bucket that is still counting: when it holds {@code maxPhones} of them, a
 * start for a new number fails closed ({@link VerificationStoreException}) until some refill. The
 * caller map drops its least recently used buckets past {@code maxCallers}: a caller chooses its own
 * keys, so dropping one gives nothing a flood of fresh keys would not. A bucket leaves once it would be
 * full again, when dropping it loses nothing.
 */
public final class InMemoryRateLimitStorage implements RateLimitStorage {
    /** The default bound on phone buckets, and on caller buckets. */
    public static final int DEFAULT_MAX_KEYS = 100_000;
    /** The application's buckets (and the SMS cap's): one per rule in use, so a handful. */
    private static final int MAX_APPLICATION_BUCKETS = 64;

    private final Map<RateLimit, BucketMap> maps = new EnumMap<>(RateLimit.class);

    /** Storage for at most {@value #DEFAULT_MAX_KEYS} phone and as many caller buckets. */
    public InMemoryRateLimitStorage() {
        this(DEFAULT_MAX_KEYS, DEFAULT_MAX_KEYS);
    }

    /**
     * Storage for at most {@code maxPhones} phone buckets and {@code maxCallers} caller buckets (and as many
     * of callers' check buckets).
     */
    public InMemoryRateLimitStorage(int maxPhones, int maxCallers) {
        maps.put(RateLimit.PHONE, BucketMap.refusingWhenFull("phone", atLeastOne("maxPhones", maxPhones)));
        maps.put(RateLimit.CALLER, BucketMap.evictingWhenFull("caller", atLeastOne("maxCallers", maxCallers)));
        maps.put(RateLimit.CALLER_CHECKS, BucketMap.evictingWhenFull("caller check", maxCallers));
        maps.put(RateLimit.APPLICATION, BucketMap.refusingWhenFull("application", MAX_APPLICATION_BUCKETS));
        maps.put(RateLimit.SMS, BucketMap.refusingWhenFull("SMS cap", MAX_APPLICATION_BUCKETS));
    }

    @Override
    public ProxyManager<String> proxyManager(RateLimit limit, ClientSideConfig config) {
        return new InMemoryProxyManager(maps.get(limit), config);
    }

    /** How many buckets of {@code limit} are held, expired ones not yet swept included. */
    int size(RateLimit limit) {
        return maps.get(limit).size();
    }

    @Override
    public String toString() {
        return "InMemoryRateLimitStorage{" + maps.values() + "}";
    }

    private static int atLeastOne(String field, int value) {
        if (value < 1) {
            throw new InvalidInputException(field, "must be at least 1, was " + value);
        }
        return value;
    }
}
