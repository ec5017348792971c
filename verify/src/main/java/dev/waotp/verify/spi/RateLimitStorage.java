package dev.waotp.verify.spi;

import dev.waotp.verify.RateLimit;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Where the rate limits' token buckets are kept: storage only, as a Bucket4j backend is. The core
 * decides everything else (which buckets a start takes from, in which order, what a refusal costs).
 *
 * <p>Buckets of different limits must not compete for room: no number of caller keys may push a
 * phone's bucket out. A storage that cannot take a new key fails the call (it must not drop another
 * key's bucket to make room for a phone's), and the verifier then fails closed.
 */
public interface RateLimitStorage {
    /**
     * A Bucket4j proxy manager for the buckets of {@code limit}, keyed by the core's bucket names,
     * built with {@code config}: the verifier's clock, its store timeout as the request timeout, and
     * the expiry that removes a bucket once it would be full again. Called once per limit when a
     * verifier is built.
     */
    ProxyManager<String> proxyManager(RateLimit limit, ClientSideConfig config);
}
