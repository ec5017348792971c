package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.waotp.AuthMessage;
import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The stub posts Kaleyra's callbacks to a real endpoint: a JDK server with the runtime's handler. */
class StubCallbacksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    private final List<DeliveryStatus> heard = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private String url;

    @BeforeEach
    void startEndpoint() throws IOException {
        CallbackHandler handler = CallbackHandler.builder().basic("kaleyra", "cb-pass").listener(heard::add).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callbacks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            CallbackResult result = handler.handle(exchange.getRequestHeaders(), body);
            exchange.sendResponseHeaders(result.httpStatus(), -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private List<PostedCallback> sendAndAwait(UnaryOperator<StubCallbacks.Builder> settings, String to) {
        try (KaleyraStub stub = KaleyraStub.builder()
                     .callbacks(settings.apply(StubCallbacks.to(url).basic("kaleyra", "cb-pass")).build()).start();
             KaleyraClient client = stub.clientBuilder().build()) {
            SendResult result = client.send(AuthMessage.builder(AUTH1).to(to).otp("482913").ref2("verification-7").build());
            List<PostedCallback> posted = stub.awaitCallbacks(WAIT);
            assertThat(posted).allMatch(p -> p.sendMessageId().equals(result.messageId()));
            return posted;
        }
    }

    @Test
    void byDefaultSentThenDeliveredReachTheEndpointWithTheSendsRef() {
        List<PostedCallback> posted = sendAndAwait(b -> b, "+919876543210");
        assertThat(posted).extracting(PostedCallback::state).containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
        assertThat(posted).extracting(PostedCallback::httpStatus).containsOnly(200);
        assertThat(heard).extracting(DeliveryStatus::state).containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
        assertThat(heard).extracting(DeliveryStatus::ref2).containsOnly("verification-7");
        assertThat(heard).extracting(DeliveryStatus::recipient).containsOnly("919876543210");
    }

    @Test
    void aChosenNumberFailsWithMetasError() {
        sendAndAwait(b -> b.outcome("+919000000001", DeliveryOutcome.failed(131026, "Message undeliverable")),
                "+919000000001");
        assertThat(heard).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(s.errorCode()).isEqualTo("131026");
            assertThat(s.errorTitle()).isEqualTo("Message undeliverable");
        });
    }

    @Test
    void aChosenNumberIsNotSentByKaleyra() {
        sendAndAwait(b -> b.outcome("+919000000002", DeliveryOutcome.notSent("WAV2101", "Account daily limit reached")),
                "+919000000002");
        assertThat(heard).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DeliveryState.NOT_SENT);
            assertThat(s.errorCode()).isEqualTo("WAV2101");
        });
    }

    @Test
    void duplicatesAndOutOfOrderOnRequest() {
        sendAndAwait(b -> b.duplicates().outOfOrder(), "+919876543210");
        assertThat(heard).extracting(DeliveryStatus::state).containsExactly(
                DeliveryState.DELIVERED, DeliveryState.DELIVERED, DeliveryState.SENT, DeliveryState.SENT);
        // Out of order in posting, not in time: delivered still happened after sent.
        assertThat(heard.get(0).timestamp()).isAfter(heard.get(2).timestamp());
    }

    @Test
    void aUrlGivenLaterIsLookedUpAtEachPostAndAnUnknownOneIsListedUnanswered() {
        AtomicReference<String> later = new AtomicReference<>();
        try (KaleyraStub stub = KaleyraStub.builder()
                     .callbacks(StubCallbacks.to(later::get).basic("kaleyra", "cb-pass").build()).start();
             KaleyraClient client = stub.clientBuilder().build()) {
            client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("482913").build());
            assertThat(stub.awaitCallbacks(WAIT)).extracting(PostedCallback::httpStatus).containsExactly(-1, -1);
            assertThat(heard).isEmpty();

            later.set(url);
            stub.reset();
            client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("482913").build());
            assertThat(stub.awaitCallbacks(WAIT)).extracting(PostedCallback::httpStatus).containsExactly(200, 200);
            assertThat(heard).extracting(DeliveryStatus::state).containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
        }
    }

    @Test
    void wrongCredentialsGet401AndNoListenerHearsThem() {
        List<PostedCallback> posted = sendAndAwait(b -> b.basic("kaleyra", "wrong"), "+919876543210");
        assertThat(posted).extracting(PostedCallback::httpStatus).containsOnly(401);
        assertThat(heard).isEmpty();
    }

    @Test
    void theStubsCallbacksHaveTheFieldsOfKaleyrasPages() throws IOException {
        assertThat(paths(firstCallback(DeliveryOutcome.delivered())))
                .isEqualTo(paths(page("sent.txt").replaceFirst(",\\s*}\\s*$", "}")));
        assertThat(paths(firstCallback(DeliveryOutcome.notSent("WAV2101", "Account daily limit reached"))))
                .isEqualTo(paths(page("not-sent-daily-limit.txt")));
    }

    private String firstCallback(DeliveryOutcome outcome) {
        try (KaleyraStub stub = KaleyraStub.builder().callbacks(StubCallbacks.to(url).defaultOutcome(outcome).build()).start();
             KaleyraClient client = stub.clientBuilder().build()) {
            client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("1").ref("a").ref1("b").ref2("c").build());
            return stub.awaitCallbacks(WAIT).get(0).body();
        }
    }

    private static String page(String file) throws IOException {
        try (InputStream in = StubCallbacksTest.class.getResourceAsStream("/callbacks/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("\n\n") + 2);
        }
    }

    /** Every field's path, for example {@code meta_object.value.statuses[].id}. */
    private static Set<String> paths(String json) throws IOException {
        Set<String> paths = new TreeSet<>();
        collect(new ObjectMapper().readTree(json), "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                paths.add(prefix + name);
                collect(node.get(name), prefix + name + ".", paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, prefix.substring(0, prefix.length() - 1) + "[].", paths));
        }
    }
}
