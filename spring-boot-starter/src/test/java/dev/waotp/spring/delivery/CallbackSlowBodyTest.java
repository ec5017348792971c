package dev.waotp.spring.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The endpoint checks the credentials from the headers before it reads the body: a client without them
 * gets its 401 while most of a slowly sent body is still unsent, so the endpoint's own code never waits
 * for it. (Tomcat itself then reads what is left of an unread body, up to server.tomcat.max-swallow-size,
 * before it reuses the connection, as for any answer that leaves a body unread.) The application is
 * {@link CallbackRoundTripTest}'s, so the context is shared.
 */
@SpringBootTest(classes = CallbackRoundTripTest.DeliveryApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration"
        })
class CallbackSlowBodyTest {
    private static final int BODY_BYTES = 100_000;
    /** 100 bytes every 50 ms: the whole body would take 50 seconds. */
    private static final int CHUNK = 100;
    private static final Duration PAUSE = Duration.ofMillis(50);
    /** How long the test trickles before it calls the server stuck; far less than the 50 seconds. */
    private static final Duration GIVE_UP = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Test
    void aRequestWithoutCredentialsIsAnswered401WhileItsBodyIsStillTrickling() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) GIVE_UP.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /waotp/callbacks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            int sent = trickleUntilAnswered(out, in);

            assertThat(sent).as("body bytes sent when the answer came").isLessThan(BODY_BYTES / 2);
            String answer = readHead(in);
            assertThat(answer).startsWith("HTTP/1.1 401");
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
