package dev.waotp.verify.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on a loopback port in front of a Redis server, which a test can {@link #cut()} as a network blip
 * does (every connection closed, no new one accepted, the server and its data untouched) and {@link #restore()} on
 * the same port. At most {@value #MAX_CONNECTIONS} connections at a time; the threads are daemons and end with
 * their sockets; {@link #close()} cuts for good.
 */
final class CuttableProxy implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 8;

    private final int targetPort;
    private final int port;
    /** Each proxied connection as {upstream, downstream}; guarded by {@code this}. */
    private final List<Socket[]> connections = new ArrayList<>();
    private ServerSocket listener;

    private CuttableProxy(int targetPort) {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** A proxy on a free loopback port to the server on {@code targetPort} of the loopback interface. */
    static CuttableProxy to(int targetPort) {
        return new CuttableProxy(targetPort);
    }

    int port() {
        return port;
    }

    /**
     * Stops accepting and closes every connection, the server's side first, so no byte reaches the server after
     * this returns; clients see their connection closed and new ones refused.
     */
    synchronized void cut() {
        closeQuietly(listener);
        connections.forEach(pair -> closeQuietly(pair[0]));
        connections.forEach(pair -> closeQuietly(pair[1]));
        connections.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() {
        if (!listener.isClosed()) {
            throw new IllegalStateException("the proxy is not cut");
        }
        listener = listen(port);
        acceptOn(listener);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), MAX_CONNECTIONS);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on loopback port " + port, e);
        }
    }

    private void acceptOn(ServerSocket socket) {
        daemon("proxy-accept-" + port, () -> {
            while (!socket.isClosed()) {
                Socket downstream;
                try {
                    downstream = socket.accept();
                } catch (IOException closedByCut) {
                    return;
                }
                proxy(socket, downstream);
            }
        });
    }

    /** Connects {@code downstream} to the server, unless {@code listener} was cut meanwhile or too many are open. */
    private void proxy(ServerSocket listener, Socket downstream) {
        Socket upstream;
        synchronized (this) {
            if (listener.isClosed() || connections.size() >= MAX_CONNECTIONS) {
                closeQuietly(downstream);
                return;
            }
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException serverGone) {
                closeQuietly(downstream);
                return;
            }
            connections.add(new Socket[] {upstream, downstream});
        }
        daemon("proxy-up-" + port, () -> pump(downstream, upstream));
        daemon("proxy-down-" + port, () -> pump(upstream, downstream));
    }

    /** Copies {@code from} to {@code to} until either closes, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException closed) {
            // cut, or the other side went away: both sockets are closed below
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            synchronized (this) {
                connections.removeIf(pair -> pair[0] == from || pair[1] == from);
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception alreadyGone) {
            // closing is all a cut wants; a socket that is gone already is fine
        }
    }
}
