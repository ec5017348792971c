package dev.waotp.verify.tck;

import com.sun.net.httpserver.HttpServer;
import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import dev.waotp.DeliveryListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The application's callback endpoint in a test: the runtime's {@link CallbackHandler} behind the JDK's HTTP
 * server on loopback, with a bearer token, telling one {@link DeliveryListener} set after the stub that posts to
 * it was built (the stub needs this URL first).
 */
public final class CallbackReceiver implements AutoCloseable {
    /** The bearer token the stub must present. */
    public static final String TOKEN = "callback-token-for-tests";

    private final HttpServer server;
    private volatile DeliveryListener listener = status -> { };

    /** Starts listening on a free loopback port. */
    public CallbackReceiver() {
        CallbackHandler handler = CallbackHandler.builder().bearer(TOKEN)
                .listener(status -> listener.onStatus(status)).build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/kaleyra/status", exchange -> {
            int status;
            try (InputStream body = exchange.getRequestBody()) {
                CallbackResult result = handler.handle(exchange.getRequestHeaders(), body.readAllBytes());
                status = result.httpStatus();
            } catch (RuntimeException e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the stub posts. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/kaleyra/status";
    }

    /** Tells {@code listener} every accepted status from now on. */
    public void listener(DeliveryListener listener) {
        this.listener = listener;
    }

    /** The listener set last, to hand it a status as if it had arrived here. */
    public DeliveryListener listenerOf() {
        return listener;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
