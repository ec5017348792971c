package dev.waotp.verify;

import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.tck.FallbackContractTest;

/** The fallback contract on the in-memory backends; every "instance" of a test shares this JVM's one store and storage. */
class InMemoryFallbackTest extends FallbackContractTest {
    private final InMemoryVerificationStore store = new InMemoryVerificationStore();
    private final InMemoryRateLimitStorage limits = new InMemoryRateLimitStorage();

    @Override
    protected VerificationStore newStore() {
        return store;
    }

    @Override
    protected RateLimitStorage newRateLimitStorage() {
        return limits;
    }
}
