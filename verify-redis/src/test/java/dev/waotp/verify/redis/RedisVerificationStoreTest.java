package dev.waotp.verify.redis;

import dev.waotp.verify.VerificationStore;
import dev.waotp.verify.VerificationStoreContractTest;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store contract, against a real standalone Redis. */
class RedisVerificationStoreTest extends VerificationStoreContractTest {
    private static RedisTestServer redis;
    private static RedisClient client;

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.start();
        client = redis.newClient();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected VerificationStore newStore() {
        return RedisVerificationStore.create(client);
    }
}
