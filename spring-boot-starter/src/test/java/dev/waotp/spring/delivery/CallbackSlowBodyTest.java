package dev.waotp.spring.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client without credentials cannot hold a server thread with a slow body. The endpoint checks the
 * credentials from the headers before it reads the body, and a refused callback's connection is closed
 * without Tomcat reading what is left of its body (which it otherwise does, up to
 * server.tomcat.max-swallow-size, before the thread is free). Tomcat has one request thread here, so a
 * thread held by the trickling client would keep every other request waiting.
 */
@SpringBootTest(classes = CallbackRoundTripTest.DeliveryApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration",
            "server.tomcat.threads.max=1",
            "server.tomcat.threads.min-spare=1"
        })
class CallbackSlowBodyTest {
    private static final int BODY_BYTES = 100_000;
    /** 100 bytes every 50 ms: the whole body would take 50 seconds. */
    private static final int CHUNK = 100;
    private static final Duration PAUSE = Duration.ofMillis(50);
    /** How long the test trickles before it calls the server stuck; far less than the 50 seconds. */
    private static final Duration GIVE_UP = Duration.ofSeconds(15);
    /** How long another client may wait for its answer while the trickling goes on; generous for a busy machine. */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    /** A minimal delivery callback the handler accepts. */
    private static final String SENT = """
            {"meta_object": {"field": "messages", "value": {"statuses": [{"id": "wamid.slow-body-test", "status": "sent",
              "timestamp": "1722834665", "recipient_id": "919876543210"}]}},
             "extra_info": {"message_id": "wamid.slow-body-test"}}""";

    @LocalServerPort
    int port;

    @Autowired
    CallbackRoundTripTest.DeliveryApp app;

    @Test
    void aRequestWithoutCredentialsIsAnswered401WhileItsBodyIsStillTrickling() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) GIVE_UP.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            sendHead(out);

            int sent = trickleUntilAnswered(out, in);

            assertThat(sent).as("body bytes sent when the answer came").isLessThan(BODY_BYTES / 2);
            String answer = readHead(in);
            assertThat(answer).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aTricklingClientWithoutCredentialsDoesNotHoldTheOnlyRequestThread() throws Exception {
        app.heard.clear();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) GIVE_UP.toMillis());
            sendHead(socket.getOutputStream());
            AtomicInteger sent = new AtomicInteger();
            Thread trickler = new Thread(() -> trickle(socket, sent), "trickler");
            trickler.setDaemon(true);
            trickler.start();
            try {
                String head = readHead(socket.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 401");
                assertThat(head.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");

                long start = System.nanoTime();
                HttpResponse<Void> other = postAuthenticatedCallback();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(other.statusCode()).isEqualTo(200);
                assertThat(app.heard).extracting(DeliveryStatus::state).containsExactly(DeliveryState.SENT);
                assertThat(sent.get()).as("body bytes the first client had sent by then").isLessThan(BODY_BYTES);
                System.out.printf("CallbackSlowBodyTest: the other callback was answered in %d ms, %d body bytes trickled%n",
                        took.toMillis(), sent.get());
                assertThat(refusedConnectionCloses(socket.getInputStream()))
                        .as("the refused connection is closed, its body unread").isTrue();
            } finally {
                trickler.interrupt();
                socket.close();
                trickler.join(GIVE_UP.toMillis());
            }
        }
    }

    private void sendHead(OutputStream out) throws IOException {
        out.write(("POST /waotp/callbacks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private HttpResponse<Void> postAuthenticatedCallback() throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString("kaleyra:cb-pass".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/waotp/callbacks"))
                .timeout(PROMPT).header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SENT)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** Sends the body a little at a time until it is all sent, the server closes, or the test stops. */
    private static void trickle(Socket socket, AtomicInteger sent) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) ' ');
        try {
            OutputStream out = socket.getOutputStream();
            while (sent.get() < BODY_BYTES && !Thread.currentThread().isInterrupted()) {
                out.write(chunk);
                out.flush();
                sent.addAndGet(CHUNK);
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (IOException | InterruptedException e) {
            // The server closed the connection, or the test is over.
        }
    }

    /** Whether the server ends the connection after its answer, within a few seconds. */
    private static boolean refusedConnectionCloses(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // an answer without a body has nothing more to read
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /** Sends the body a little at a time until an answer can be read; returns how much was sent by then. */
    private static int trickleUntilAnswered(OutputStream out, InputStream in) throws IOException, InterruptedException {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) ' ');
        int sent = 0;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (in.available() == 0) {
            assertThat(System.nanoTime()).as("no answer after %s of a body trickling", GIVE_UP).isLessThan(deadline);
            assertThat(sent).as("the whole body was sent before any answer").isLessThan(BODY_BYTES);
            out.write(chunk);
            out.flush();
            sent += CHUNK;
            Thread.sleep(PAUSE.toMillis());
        }
        return sent;
    }

    /** The status line and headers. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
