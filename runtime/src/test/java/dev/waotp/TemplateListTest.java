package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.SID;
import static dev.waotp.MockKaleyra.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** {@link KaleyraClient#templates()}: the request, the page's answer, paging, retries and refusals. */
class TemplateListTest {
    private static final String WABA_ID = "102290129340398";
    private static final String PATH = "/v2/" + SID + "/whatsapp/" + WABA_ID + "/message_templates";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private KaleyraClient client() {
        return KaleyraClient.builder().sid(SID).apiKey(API_KEY).wabaId(WABA_ID)
                .baseUrl(server.url("/").toString()).retryPolicy(MockKaleyra.FAST_RETRIES).build();
    }

    private static String page(String templates, String paging) {
        return "{\"data\":[" + templates + "],\"paging\":" + paging + "}";
    }

    private static String template(String name, String language) {
        return "{\"name\":\"" + name + "\",\"language\":\"" + language + "\",\"status\":\"APPROVED\","
                + "\"category\":\"AUTHENTICATION\",\"id\":\"1\"}";
    }

    @Test
    void readsMetasSampleAnswerWithEveryField() throws Exception {
        server.enqueue(json(200, MetaSamplePage.json()));

        MessageTemplate template;
        try (KaleyraClient client = client()) {
            List<MessageTemplate> templates = client.templates();
            assertThat(templates).hasSize(1);
            template = templates.get(0);
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(request.getUrl().querySize()).isZero();
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(template.name()).isEqualTo("order_delivery_update");
        assertThat(template.language()).isEqualTo("en_US");
        assertThat(template.status()).isEqualTo("APPROVED");
        assertThat(template.category()).isEqualTo("UTILITY");
        assertThat(template.buttons()).containsExactly(new TemplateButton("QUICK_REPLY", "Stop Delivery Updates", null));
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(template.json()))
                .isEqualTo(mapper.readTree(MetaSamplePage.json()).get("data").get(0));
    }

    @Test
    void followsTheAfterCursorOnItsOwnHostUntilNoNextPage() throws Exception {
        server.enqueue(json(200, page(template("auth1", "en_US") + "," + template("auth1", "hi"),
                "{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MjQZD\"},"
                        + "\"next\":\"https://elsewhere.example/v2/x/message_templates?after=MjQZD\"}")));
        server.enqueue(json(200, page(template("auth2", "en_US"), "{\"cursors\":{\"before\":\"MjQZD\",\"after\":\"NTAZD\"}}")));

        try (KaleyraClient client = client()) {
            assertThat(client.templates()).extracting(t -> t.name() + "/" + t.language())
                    .containsExactly("auth1/en_US", "auth1/hi", "auth2/en_US");
        }

        assertThat(server.takeRequest().getUrl().queryParameter("after")).isNull();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(second.getUrl().queryParameter("after")).isEqualTo("MjQZD");
        assertThat(second.getHeaders().get("api-key")).isEqualTo(API_KEY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void takesTheCursorFromTheNextUrlWhenCursorsAreMissing() throws Exception {
        server.enqueue(json(200, page(template("a", "en"), "{\"next\":\"https://x.example/t?limit=2&after=QUZU\"}")));
        server.enqueue(json(200, page(template("b", "en"), "{}")));

        try (KaleyraClient client = client()) {
            assertThat(client.templates()).hasSize(2);
        }
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().queryParameter("after")).isEqualTo("QUZU");
    }

    @Test
    void retriesEveryServerFailureOfTheGetEvenWhenSendsWouldNot() throws Exception {
        server.enqueue(json(503, "<html>busy</html>"));
        server.enqueue(json(200, page(template("a", "en"), "{}")));

        try (KaleyraClient client = KaleyraClient.builder().sid(SID).apiKey(API_KEY).wabaId(WABA_ID)
                .baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).retryUnconfirmed(false).build())
                .build()) {
            assertThat(client.templates()).hasSize(1);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void refusedCredentialsAreTheTypedExceptionWithoutRetry() {
        server.enqueue(json(401, "{\"code\":\"RBC001\",\"message\":\"Incorrect SID or API key.\",\"data\":[],"
                + "\"error\":{}}"));

        try (KaleyraClient client = client()) {
            assertThatThrownBy(client::templates).isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining(API_KEY);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCursorSentTwiceStopsInsteadOfLooping() {
        String again = "{\"cursors\":{\"after\":\"SAME\"},\"next\":\"https://x.example/?after=SAME\"}";
        server.enqueue(json(200, page(template("a", "en"), again)));
        server.enqueue(json(200, page(template("b", "en"), again)));

        try (KaleyraClient client = client()) {
            assertThatThrownBy(client::templates).isExactlyInstanceOf(KaleyraException.class)
                    .hasMessageContaining("cursor it had sent before");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAnswerThatIsNoTemplateListIsAKaleyraException() {
        server.enqueue(json(200, "{\"code\":\"WA200\",\"data\":{}}"));
        server.enqueue(json(200, "{\"data\":[{\"language\":\"en\",\"status\":\"APPROVED\"}]}"));

        try (KaleyraClient client = client()) {
            assertThatThrownBy(client::templates).hasMessageContaining("no \"data\" array");
            assertThatThrownBy(client::templates).hasMessageContaining("entry 0").hasMessageContaining("\"name\"");
        }
    }

    @Test
    void aWabaIdIsAllItTakesToList_andSendingThenSaysWhatIsMissing() throws IOException {
        server.enqueue(json(200, page("", "{}")));
        try (KaleyraClient client = client()) {
            assertThat(client.templates()).isEmpty();
            assertThat(client.businessNumber()).isNull();
            assertThat(client.messagesUrl()).isNull();
            assertThat(client.wabaId()).isEqualTo(WABA_ID);
            assertThatThrownBy(() -> client.send(MockKaleyra.loginCode()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("businessNumber");
        }
        try (KaleyraClient sender = MockKaleyra.offlineClient().build()) {
            assertThatThrownBy(sender::templates).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wabaId");
        }
    }

    @Test
    void theWabaIdIsCheckedAndABusinessNumberOrWabaIdIsRequired() {
        assertThatThrownBy(() -> KaleyraClient.builder().sid(SID).apiKey(API_KEY).wabaId("12/../34")
                .baseUrl("http://127.0.0.1:9/").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("wabaId"));
        assertThatThrownBy(() -> KaleyraClient.builder().sid(SID).apiKey(API_KEY).baseUrl("http://127.0.0.1:9/").build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("businessNumber"));
    }
}
