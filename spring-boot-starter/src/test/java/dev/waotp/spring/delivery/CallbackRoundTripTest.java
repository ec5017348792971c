package dev.waotp.spring.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.AuthMessage;
import dev.waotp.DeliveryListener;
import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.PostedCallback;
import dev.waotp.testing.StubCallbacks;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A real HTTP round trip: the embedded stub, playing Kaleyra, posts its callbacks to the endpoint the
 * starter mounts in a running application, whose listener bean hears them.
 */
@SpringBootTest(classes = CallbackRoundTripTest.DeliveryApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            // This application only receives; the stub's own client sends.
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration"
        })
class CallbackRoundTripTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    @SpringBootApplication
    static class DeliveryApp {
        final List<DeliveryStatus> heard = Collections.synchronizedList(new ArrayList<>());

        @Bean
        DeliveryListener codeDeliveries() {
            return heard::add;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DeliveryApp app;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void forget() {
        app.heard.clear();
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/waotp/callbacks";
    }

    private List<PostedCallback> sendTo(String phone, UnaryOperator<StubCallbacks.Builder> callbacks) {
        try (KaleyraStub stub = KaleyraStub.builder().callbacks(callbacks.apply(StubCallbacks.to(url())).build()).start();
             KaleyraClient client = stub.clientBuilder().callbackProfileId("cbp-1").build()) {
            SendResult sent = client.send(AuthMessage.builder(AUTH1).to(phone).otp("482913").ref2("verification-42").build());
            assertThat(sent.messageIdKnown()).isTrue();
            return stub.awaitCallbacks(WAIT);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theListenerHearsSentThenDeliveredWithTheSendsRef() {
        List<PostedCallback> posted = sendTo("+919876543210", c -> c.basic("kaleyra", "cb-pass"));
        assertThat(posted).extracting(PostedCallback::httpStatus).containsExactly(200, 200);
        assertThat(app.heard).extracting(DeliveryStatus::state).containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
        assertThat(app.heard).extracting(DeliveryStatus::ref2).containsOnly("verification-42");
    }

    @Test
    void aFailureCarriesMetasCodeIntoTheListenerAndTheMetrics() {
        double before = count("failed", "131026");
        sendTo("+919000000001", c -> c.basic("kaleyra", "cb-pass")
                .outcome("+919000000001", DeliveryOutcome.failed(131026, "Message undeliverable")));
        assertThat(app.heard).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(s.errorCode()).isEqualTo("131026");
        });
        assertThat(count("failed", "131026")).isEqualTo(before + 1);
    }

    @Test
    void wrongCredentialsGet401AndChangeNothing() {
        double before = count("delivered", "none");
        List<PostedCallback> posted = sendTo("+919876543210", c -> c.basic("kaleyra", "guess"));
        assertThat(posted).extracting(PostedCallback::httpStatus).containsOnly(401);
        assertThat(app.heard).isEmpty();
        assertThat(count("delivered", "none")).isEqualTo(before);
    }

    @Test
    void garbageGets400AndChangesNothing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest garbage = HttpRequest.newBuilder(URI.create(url())).header("Authorization", basic("kaleyra", "cb-pass"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"delivered\"")).build();
        assertThat(http.send(garbage, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
        HttpRequest unauthenticatedGarbage = HttpRequest.newBuilder(URI.create(url()))
                .POST(HttpRequest.BodyPublishers.ofString("garbage")).build();
        assertThat(http.send(unauthenticatedGarbage, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(app.heard).isEmpty();
    }

    @Test
    void theSameCallbackTwiceReachesTheListenerTwice() {
        // Documented: no de-duplication in the endpoint; listeners are idempotent.
        sendTo("+919876543210", c -> c.basic("kaleyra", "cb-pass").duplicates());
        assertThat(app.heard).extracting(DeliveryStatus::state).containsExactly(
                DeliveryState.SENT, DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.DELIVERED);
        assertThat(app.heard.get(0)).isEqualTo(app.heard.get(1));
    }

    private double count(String status, String error) {
        var counter = registry.find("waotp.deliveries").tags("status", status, "error", error).counter();
        return counter == null ? 0 : counter.count();
    }
}
