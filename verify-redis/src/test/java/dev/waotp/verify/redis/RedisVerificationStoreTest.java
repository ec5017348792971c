package dev.waotp.verify.redis;

import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.tck.VerificationStoreContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole store contract, against a real standalone Redis. */
class RedisVerificationStoreTest extends VerificationStoreContractTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    protected VerificationStore newStore() {
        return RedisVerificationStore.create(REDIS.client());
    }
}
