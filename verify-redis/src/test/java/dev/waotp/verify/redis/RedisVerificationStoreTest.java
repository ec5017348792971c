package dev.waotp.verify.redis;

import dev.waotp.verify.VerificationStore;
import dev.waotp.verify.VerificationStoreContractTest;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store contract, against a real standalone Redis. */
class RedisVerificationStoreTest extends VerificationStoreContractTest {
    private static RedisTestServer server;
    private static RedisClient client;

    @BeforeAll
    static void startRedis() {
        server = RedisTestServer.start();
        client = RedisClient.create(server.uri());
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    @Override
    protected VerificationStore newStore() {
        return RedisVerificationStore.create(client);
    }
}
