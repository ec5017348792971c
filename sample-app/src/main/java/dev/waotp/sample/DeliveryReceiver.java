package dev.waotp.sample;

import com.sun.net.httpserver.HttpServer;
import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import dev.waotp.DeliveryListener;
import dev.waotp.testing.StubCallbacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app's delivery status endpoint: the JDK's own HTTP server on a loopback port, with waotp's
 * framework-free {@link CallbackHandler} mounted in a few lines, handing each status to the verifier.
 * The embedded stub, playing Kaleyra, posts its callbacks here with a password made for this run.
 */
final class DeliveryReceiver implements AutoCloseable {
    private static final String PATH = "/waotp/callbacks";
    private static final String USER = "kaleyra";

    private final HttpServer server;
    private final String password;
    private volatile DeliveryListener listener = status -> { };

    private DeliveryReceiver(HttpServer server, String password) {
        this.server = server;
        this.password = password;
    }

    static DeliveryReceiver start() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DeliveryReceiver receiver = new DeliveryReceiver(server, password);
            CallbackHandler handler = CallbackHandler.builder().basic(USER, password)
                    .listener(status -> receiver.listener.onStatus(status)).build();
            server.createContext(PATH, exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(CallbackHandler.MAX_BODY_BYTES + 1);
                }
                CallbackResult result = handler.handle(exchange.getRequestHeaders(), body);
                exchange.sendResponseHeaders(result.httpStatus(), -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the delivery status endpoint on loopback", e);
        }
    }

    /** What the stub must do to post here, as a Kaleyra callback profile would be set up. */
    StubCallbacks.Builder stubCallbacks() {
        return StubCallbacks.to("http://127.0.0.1:" + server.getAddress().getPort() + PATH).basic(USER, password);
    }

    /** Hands every status from now on to {@code listener} (the verifier). */
    void forwardTo(DeliveryListener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
