package dev.waotp.spring.templatestatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.spring.StubProperties;
import dev.waotp.testing.KaleyraStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kaleyra's template-status callback, posted over HTTP to the delivery callback endpoint with its
 * credentials, turns the {@code waotp} health DOWN at once when Meta pauses the template in use, and UP
 * again when Meta approves it; the health only informs, a send still goes out. No WABA id is set, so
 * nothing but the callbacks informs the health.
 */
@SpringBootTest(classes = TemplateStatusCallbackRoundTripTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "waotp.health.refresh=1h",
            // This application only sends; no verifier (it would want waotp.verify.secret).
            "spring.autoconfigure.exclude=dev.waotp.spring.VerifierAutoConfiguration"
        })
class TemplateStatusCallbackRoundTripTest {
    /** The fixture made from Kaleyra's page, kept with the runtime's other callback samples. */
    private static final Path FIXTURE = Path.of("../runtime/src/test/resources/callbacks/template-status.txt");
    /** Plays Kaleyra for the client bean: only sends reach it (no WABA id, so no list is read). */
    private static final KaleyraStub STUB = KaleyraStub.builder().start();

    @SpringBootApplication
    static class App {}

    @DynamicPropertySource
    static void kaleyra(DynamicPropertyRegistry registry) {
        StubProperties.register(registry, STUB);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    PausableCode sender;

    @Autowired
    @Qualifier("waotpHealthIndicator")
    HealthIndicator health;

    private static String fixture() throws Exception {
        String text = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\n\n") + 2);
    }

    private int post(String body, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("kaleyra:" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/waotp/callbacks"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aPausedCallbackTurnsTheHealthDownAtOnce_andAnApprovedOneUpAgain() throws Exception {
        String paused = fixture();
        assertThat(paused).contains("\"event\":\"PAUSED\"");
        String approved = paused.replace("\"event\":\"PAUSED\"", "\"event\":\"APPROVED\"");
        assertThat(post(approved, "cb-pass")).isEqualTo(200);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        assertThat(post(paused, "guess")).isEqualTo(401);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        assertThat(post(paused, "cb-pass")).isEqualTo(200);
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "PAUSED"));

        assertThat(post(approved, "cb-pass")).isEqualTo(200);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aPausedCallbackNeverBlocksASend_theHealthOnlyInforms() throws Exception {
        assertThat(post(fixture(), "cb-pass")).isEqualTo(200);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        int requests = STUB.requestCount();

        SendResult sent = sender.send("+919876543210", "482913");

        assertThat(sent.messageIdKnown()).isTrue();
        assertThat(STUB.requestCount()).isEqualTo(requests + 1);
    }
}
