package dev.waotp.verify.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real {@code redis-server} process on a free loopback port, run from the binary that embedded-redis ships in its
 * jar, so the tests need no Redis installed on the machine. Nothing is persisted; the working directory is a temp
 * directory removed by {@link #close()}, which also shuts down the clients made by {@link #newClient()}.
 *
 * <p>Shipped in this module's test-jar for the tests of other modules that need a Redis (the Spring Boot starter's);
 * they add {@code com.github.codemonstur:embedded-redis} to their test dependencies.
 */
public final class RedisTestServer implements AutoCloseable {
    /** The options of every client of the tests: nothing held while disconnected (see LettuceConnection). */
    public static final ClientOptions CLIENT_OPTIONS =
            ClientOptions.builder().disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS).build();
    /** How long the tests' clients wait between two tries to reconnect: back within this of Redis's return. */
    public static final Duration RECONNECT_DELAY = Duration.ofMillis(200);
    private final Path dir;
    private final int port;
    private final RedisServer server;
    private final List<RedisClient> clients = new ArrayList<>();
    private final ClientResources resources =
            ClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_DELAY)).build();

    private RedisTestServer(int port, List<String> settings) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("waotp-redis-" + port + "-");
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("save \"\"")
                .setting("appendonly no");
        settings.forEach(builder::setting);
        this.server = builder.build();
        server.start();
    }

    /** Starts a standalone server on a free port. */
    public static RedisTestServer start() {
        return start(freePort(false), List.of());
    }

    /** Starts a server with cluster mode on, on a port whose cluster bus port (port + 10000) is free too. */
    public static RedisTestServer startClusterNode() {
        return start(freePort(true), List.of(
                "cluster-enabled yes",
                "cluster-config-file nodes.conf",
                "cluster-node-timeout 2000"));
    }

    private static RedisTestServer start(int port, List<String> settings) {
        try {
            return new RedisTestServer(port, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The URI of this server, for Lettuce. */
    public RedisURI uri() {
        return RedisURI.create("127.0.0.1", port);
    }

    /**
     * A new Lettuce client of this server (its own connections), shut down by {@link #close()}, set up as
     * waotp-verify-redis asks of an application's client and as the Spring Boot starter sets it up: commands are
     * rejected while disconnected ({@link #CLIENT_OPTIONS}), and it tries to reconnect every {@link #RECONNECT_DELAY}.
     */
    public RedisClient newClient() {
        RedisClient client = RedisClient.create(resources, uri());
        client.setOptions(CLIENT_OPTIONS);
        clients.add(client);
        return client;
    }

    /** Kills the server (its data is gone); {@link #restart()} brings it back on the same port. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server as an operator's {@code SHUTDOWN SAVE} does: Redis writes its data to disk and exits, closing
     * every connection; {@link #restart()} brings it back on the same port with that data. Returns once the port no
     * longer accepts connections.
     */
    public Shutdown shutdownSaving() {
        RedisClient admin = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            long sent = System.nanoTime();
            connection.async().shutdown(true);
            awaitPortClosed(Duration.ofSeconds(30));
            return new Shutdown(sent, System.nanoTime());
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            // The process has exited by itself; this only tells embedded-redis, so that restart() starts it again.
            stop();
        }
    }

    /**
     * When the {@code SHUTDOWN} was sent and when the port closed ({@link System#nanoTime()}): a command Redis ran in
     * between may have lost its answer with the connection, not its effect.
     */
    public record Shutdown(long sentNanos, long closedNanos) {}

    /** Starts the stopped server again, on the same port: empty after {@link #stop()}, with its data after {@link #shutdownSaving()}. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart redis-server on port " + port, e);
        }
    }

    /** Shuts down the clients, stops the server and removes its working directory. */
    @Override
    public void close() {
        clients.forEach(client -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        if (server.isActive()) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }

    private void awaitPortClosed(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server to exit", e);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " still accepts connections after SHUTDOWN");
    }

    private static int freePort(boolean withClusterBus) {
        for (int tries = 0; tries < 50; tries++) {
            int port = bindableFreePort(0);
            if (!withClusterBus) {
                return port;
            }
            if (port + 10_000 <= 65_535 && bindableFreePort(port + 10_000) > 0) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair (port, port + 10000) found on the loopback interface");
    }

    /** The port bound when asking for {@code port} (0: any), or -1 when it is taken. */
    private static int bindableFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return -1;
        }
    }
}
