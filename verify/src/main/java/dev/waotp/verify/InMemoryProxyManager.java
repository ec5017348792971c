package dev.waotp.verify;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j's compare-and-swap proxy manager over a {@link BucketMap}: the same code path Bucket4j runs
 * for Redis, with the state in memory. Synchronous only; the core rate limiter needs nothing else.
 */
final class InMemoryProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {
    private final BucketMap map;
    private final ExpirationAfterWriteStrategy expiry;

    InMemoryProxyManager(BucketMap map, ClientSideConfig config) {
        super(config);
        this.map = map;
        this.expiry = config.getExpirationAfterWriteStrategy().orElse(ExpirationAfterWriteStrategy.none());
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(map.read(key, currentTimeNanos()));
            }

            @Override
            public boolean compareAndSwap(byte @Nullable [] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                long now = currentTimeNanos();
                long ttlMillis = expiry.calculateTimeToLiveMillis(newState, now);
                long expiresAt = ttlMillis < 0 ? Long.MAX_VALUE : now + ttlMillis * 1_000_000L;
                return map.compareAndSwap(key, originalData, newData, expiresAt, now);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the in-memory rate limits are synchronous");
    }

    @Override
    public void removeProxy(String key) {
        map.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        map.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
