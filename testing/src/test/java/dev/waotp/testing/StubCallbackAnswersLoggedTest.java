package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The stub says when the application does not take its callbacks: every answer but a 2xx is logged with the
 * status and the path, never the credentials or the body, and a redirect (to a login page) is not followed.
 */
class StubCallbackAnswersLoggedTest {
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger posterLog = (Logger) LoggerFactory.getLogger(CallbackPoster.class);
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login-wall", exchange -> answer(exchange, 302, "/login"));
        server.createContext("/refuses", exchange -> answer(exchange, 401, null));
        server.createContext("/takes", exchange -> answer(exchange, 200, null));
        server.createContext("/login", exchange -> answer(exchange, 200, null));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        logs.start();
        posterLog.addAppender(logs);
        // logback-test.xml keeps dev.waotp at ERROR; these warnings are what the test is about.
        posterLog.setLevel(Level.WARN);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String location)
            throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        posterLog.detachAppender(logs);
        posterLog.setLevel(null);
        server.stop(0);
    }

    private List<PostedCallback> sendTo(String path) {
        try (KaleyraStub stub = KaleyraStub.builder()
                     .callbacks(StubCallbacks.to(base + path).basic("kaleyra", "cb-pass-9137").build()).start();
             KaleyraClient client = stub.clientBuilder().build()) {
            client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("482913").build());
            return stub.awaitCallbacks(Duration.ofSeconds(10));
        }
    }

    private List<String> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aRedirectToALoginPageIsReportedAndLoggedNotFollowed() {
        List<PostedCallback> posted = sendTo("/login-wall");

        assertThat(posted).extracting(PostedCallback::httpStatus).containsExactly(302, 302);
        assertThat(warnings()).containsExactly(
                "Kaleyra stub: the SENT callback to /login-wall was answered 302",
                "Kaleyra stub: the DELIVERED callback to /login-wall was answered 302");
    }

    @Test
    void aRefusalIsLoggedWithoutTheCredentialsOrTheBody() {
        sendTo("/refuses");

        assertThat(warnings()).hasSize(2).allSatisfy(line -> assertThat(line).endsWith("to /refuses was answered 401")
                .doesNotContain("cb-pass-9137").doesNotContain("482913").doesNotContain("+919876543210"));
    }

    @Test
    void aTakenCallbackIsNotLogged() {
        sendTo("/takes");

        assertThat(warnings()).isEmpty();
    }

    @Test
    void anUnreachableApplicationIsLogged() {
        server.stop(0);

        sendTo("/takes");

        assertThat(warnings()).hasSize(2).allSatisfy(line -> assertThat(line)
                .endsWith("to /takes was answered by no one (unreachable or timed out)"));
    }
}
