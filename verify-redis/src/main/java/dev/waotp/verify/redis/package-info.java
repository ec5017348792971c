/**
 * Verification across many instances: {@link dev.waotp.verify.redis.RedisVerificationStore}, the verification store
 * on Redis (Lettuce, one Lua script per call, keys hash-tagged per phone so Redis Cluster works unchanged), and
 * {@link dev.waotp.verify.redis.RedisRateLimiter}, the start rate limits on Redis (Bucket4j's Lettuce integration).
 */
@NullMarked
package dev.waotp.verify.redis;

import org.jspecify.annotations.NullMarked;
