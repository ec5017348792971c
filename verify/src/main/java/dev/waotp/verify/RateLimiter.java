package dev.waotp.verify;

import dev.waotp.verify.StartResult.RateLimited;
import java.util.Optional;

/**
 * Decides whether a start may send, under {@link RateLimits}: one token bucket per phone number, one
 * per caller key and one for the application. The default keeps the buckets in memory
 * ({@link InMemoryRateLimiter}); the Redis module shares them between instances.
 */
public interface RateLimiter {
    /**
     * Takes one token from the caller's, the phone's and the application's bucket, in that order, or
     * none: when a bucket refuses, the tokens already taken for this start are given back, and the
     * answer names the refusing limit and how long until it has a token again. A limit that
     * {@code limits} does not set is not checked.
     *
     * @return empty when the start may go ahead
     */
    Optional<RateLimited> tryAcquire(String phone, String callerKey, RateLimits limits);
}
