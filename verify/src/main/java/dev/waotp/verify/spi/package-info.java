/**
 * What a storage backend implements, apart from the caller's API in {@code dev.waotp.verify}: the
 * {@link dev.waotp.verify.spi.VerificationStore} (one atomic step per start, check and discard) and the
 * {@link dev.waotp.verify.spi.RateLimitStorage} (Bucket4j proxy managers that hold the rate limits'
 * buckets). The algorithms stay in the core: the verifier makes codes and HMACs and reads the clock,
 * the core rate limiter decides which bucket is asked, in which order, and what a refusal costs.
 *
 * <p>The contract test suites in this module's test-jar ({@code dev.waotp.verify.tck}) state every
 * rule a backend keeps; a new backend extends them.
 */
@NullMarked
package dev.waotp.verify.spi;

import org.jspecify.annotations.NullMarked;
