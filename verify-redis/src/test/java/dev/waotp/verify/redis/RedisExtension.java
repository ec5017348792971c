package dev.waotp.verify.redis;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RedisTestServer} for one test class, registered as a static {@code @RegisterExtension} field: started
 * before the class's first test with one shared client, stopped (clients, process, files) after its last.
 */
final class RedisExtension implements BeforeAllCallback, AfterAllCallback {
    private RedisTestServer server;
    private RedisClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisTestServer.start();
        client = server.newClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    RedisTestServer server() {
        return server;
    }

    /** The class's shared client. */
    RedisClient client() {
        return client;
    }

    /** A client of its own, as another application instance has. */
    RedisClient newClient() {
        return server.newClient();
    }
}
