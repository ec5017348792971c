package dev.waotp.spring.secured;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.waotp.CallbackHandler;
import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.PostedCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's own {@code SecurityConfiguration}, in a running server with dev mode on and the callback
 * endpoint configured: waotp's endpoints work without the application's help, and only they.
 */
@SpringBootTest(classes = ReadmeSecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.dev.enabled=true",
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "waotp.verify.secret=secured-app-secret-for-tests-only-0123456789",
            "waotp.verify.store=memory"
        })
class EndpointsBehindSecurityTest {
    private static final String PASSWORD = "cb-pass";

    @LocalServerPort
    int port;

    @Autowired
    ReadmeSecuredApp app;

    @Autowired
    SecuredCode code;

    @Autowired
    KaleyraStub stub;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(CallbackHandler.class);

    @BeforeEach
    void captureLogs() {
        stub.reset();
        app.heard.clear();
        logs.start();
        handlerLog.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        handlerLog.detachAppender(logs);
    }

    @Test
    void theStubsSentAndDeliveredCallbacksArrive() {
        code.send(ReadmeSecuredApp.ALICE, "482913");

        List<PostedCallback> posted = stub.awaitCallbacks(Duration.ofSeconds(10));

        assertThat(posted).extracting(PostedCallback::httpStatus).containsExactly(200, 200);
        assertThat(app.heard).extracting(DeliveryStatus::state)
                .containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
    }

    @Test
    void devModesMessagesAreReachable() throws Exception {
        code.send(ReadmeSecuredApp.ALICE, "482913");

        HttpResponse<String> response = get("/waotp/dev/messages");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"482913\"");
    }

    @Test
    void neighbouringPathsStayProtected() throws Exception {
        assertThat(redirectOrRefusal(get("/waotp/secret"))).isTrue();
        assertThat(redirectOrRefusal(get("/waotp/callbacks"))).isTrue();
        assertThat(redirectOrRefusal(get("/waotp/dev/messages/more"))).isTrue();
        assertThat(redirectOrRefusal(post("/waotp/callbacks/more", "kaleyra", PASSWORD, "{}"))).isTrue();
        assertThat(redirectOrRefusal(post("/waotp/dev/messages", null, null, "{}"))).isTrue();
    }

    @Test
    void aCallbackWithWrongCredentialsIsRefusedByTheEndpointAndLoggedOnceWithoutThem() throws Exception {
        HttpResponse<String> response = post("/waotp/callbacks", "kaleyra", "wrong-pass", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(warnings()).singleElement().asString().contains("credentials missing or wrong")
                .doesNotContain("wrong-pass").doesNotContain("kaleyra");
    }

    @Test
    void aCallbackThatIsNoStatusIsRefusedAndLoggedOnceWithoutItsBody() throws Exception {
        HttpResponse<String> response = post("/waotp/callbacks", "kaleyra", PASSWORD,
                "{\"secret-looking\":\"body-4829\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(warnings()).singleElement().asString().startsWith("Refused a").doesNotContain("body-4829")
                .doesNotContain(PASSWORD);
    }

    private List<String> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static boolean redirectOrRefusal(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean toLogin = status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
        return toLogin || status == 401 || status == 403 || status == 400;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
