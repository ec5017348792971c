package dev.waotp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * {@link KaleyraStub}'s own dispatcher (the same checks, parsing and answers) on a MockWebServer whose
 * connections have {@code TCP_NODELAY} set. {@code KaleyraStub} as it is leaves Nagle's algorithm on, so
 * each answer's body waits for the client's delayed ACK of its headers: about 40 ms per request on
 * Linux loopback, which hides every cost on the client side (see docs/BENCHMARKS.md). It lives in the
 * stub's package, on the benchmarks' class path only, to reach the package-private dispatcher.
 */
public final class NoDelayStub implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final StubDispatcher dispatcher = new StubDispatcher(server, KaleyraStub.DEFAULT_SID,
            KaleyraStub.DEFAULT_API_KEY, Set.of(KaleyraStub.DEFAULT_BUSINESS_NUMBER),
            Set.of(new ApprovedTemplate("auth1", "en_US")));

    private NoDelayStub() {}

    /** Starts on a free loopback port, with the settings of {@link KaleyraStub#start()}. */
    public static NoDelayStub start() {
        NoDelayStub stub = new NoDelayStub();
        stub.server.setServerSocketFactory(new NoDelayServerSockets());
        stub.server.setDispatcher(stub.dispatcher);
        try {
            stub.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    public String sid() {
        return KaleyraStub.DEFAULT_SID;
    }

    public String apiKey() {
        return KaleyraStub.DEFAULT_API_KEY;
    }

    public String businessNumber() {
        return KaleyraStub.DEFAULT_BUSINESS_NUMBER;
    }

    /** Forgets the messages received so far. */
    public void reset() {
        dispatcher.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    /** MockWebServer only asks for unbound server sockets and binds them itself. */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException();
        }
    }
}
