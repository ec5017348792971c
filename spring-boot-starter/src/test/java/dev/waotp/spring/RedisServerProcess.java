package dev.waotp.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server process on a free loopback port, from the binary embedded-redis ships; nothing persisted. */
public final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private final RedisServer server;

    private RedisServerProcess(int port) throws IOException {
        this.port = port;
        this.server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
    }

    /** Starts a standalone server on a free port. */
    public static RedisServerProcess start() {
        try {
            return new RedisServerProcess(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    /** A loopback port nothing listens on at the moment. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Stops the process. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
