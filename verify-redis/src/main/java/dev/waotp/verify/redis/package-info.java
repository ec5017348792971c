/**
 * Verification across many instances: {@link dev.waotp.verify.redis.RedisVerificationStore}, the verification store
 * on Redis (Lettuce, one Lua script per call, keys hash-tagged per phone so Redis Cluster works unchanged), and
 * {@link dev.waotp.verify.redis.RedisRateLimitStorage}, the rate limits' buckets on Redis (Bucket4j's Lettuce
 * integration).
 *
 * <h2>Redis commands per call</h2>
 *
 * <p>This table is the one place these numbers are stated; {@code RedisCommandCountTest} reads them back from
 * {@code INFO commandstats}. "Sent" are the commands this module sends, each one round trip; Redis also counts the
 * commands a script runs, listed apart.
 *
 * <table>
 *   <caption>Commands per call</caption>
 *   <tr><th>call</th><th>sent</th><th>run inside the scripts</th></tr>
 *   <tr><td>{@code Verifier.check}, and {@code RedisVerificationStore.check}</td>
 *       <td>1: {@code EVALSHA}</td><td>{@code HMGET}, {@code HINCRBY}; then {@code DEL} on approval, or {@code HSET}
 *       and {@code PEXPIRE} to count the failure</td></tr>
 *   <tr><td>{@code Verifier.check} with a caller key (the caller's check limit first)</td>
 *       <td>3: {@code GET}, {@code EVAL}, {@code EVALSHA}</td><td>{@code GET}, {@code PSETEX}; then as above</td></tr>
 *   <tr><td>{@code RedisVerificationStore.start} (the store write of a start)</td>
 *       <td>1: {@code EVALSHA}</td><td>{@code HMGET}, {@code HSET}, {@code PEXPIRE}</td></tr>
 *   <tr><td>{@code RedisVerificationStore.replace} (a fallback)</td>
 *       <td>1: {@code EVALSHA}</td><td>{@code HMGET}, then {@code HSET} when it replaces</td></tr>
 *   <tr><td>{@code RedisVerificationStore.recordDelivery} (a status callback)</td>
 *       <td>1: {@code EVALSHA}</td><td>{@code HMGET}, and {@code HSET} when the state moves on</td></tr>
 *   <tr><td>{@code RedisVerificationStore.pending} ({@code Verifier.delivery})</td>
 *       <td>1: {@code HMGET}</td><td></td></tr>
 *   <tr><td>{@code RedisVerificationStore.discard} (a send failed)</td>
 *       <td>1: {@code EVALSHA}</td><td>{@code HGET}, and {@code DEL} when it still holds the code</td></tr>
 *   <tr><td>the rate limits of a start, per limit set</td>
 *       <td>2: {@code GET}, {@code EVAL}</td><td>{@code GET}, {@code PSETEX}</td></tr>
 *   <tr><td>{@code Verifier.start} with the three default limits</td>
 *       <td>7: 3 {@code GET}, 3 {@code EVAL}, 1 {@code EVALSHA}</td><td>as above</td></tr>
 * </table>
 *
 * <p>Besides: the first call of each store script on a server that does not have it yet (after a restart or
 * {@code SCRIPT FLUSH}; on a cluster, once per node) gets {@code NOSCRIPT} and sends it once with {@code EVAL}. Bucket4j
 * updates a bucket by compare-and-swap, so when another instance changed the same bucket in between, it sends the
 * {@code GET} and {@code EVAL} again; and a start refused by the application's cap gives the phone its token back, one
 * {@code GET} and one {@code EVAL} each, as a fallback that ends refused does for each token it took. Concurrent starts in one instance share the application's bucket's
 * {@code GET} and {@code EVAL} (Bucket4j's batching), so under load a start costs less than the table says, not more:
 * {@code RedisHotKeyTest} counts 3.1 to 3.7 scripts per start with 16 to 128 threads on two instances. A start that
 * failed after taking tokens gives them back, one {@code GET} and one {@code EVAL} each, once Redis answers.
 */
@NullMarked
package dev.waotp.verify.redis;

import org.jspecify.annotations.NullMarked;
