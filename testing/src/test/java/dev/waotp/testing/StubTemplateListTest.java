package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.waotp.AuthenticationException;
import dev.waotp.KaleyraApiException;
import dev.waotp.KaleyraClient;
import dev.waotp.MessageTemplate;
import dev.waotp.RetryPolicy;
import dev.waotp.TemplateButton;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The stub's template list: Meta's objects, paging across pages, the send's credential check. */
class StubTemplateListTest {

    private static String template(String name, String lang, String status) {
        return "{\"name\":\"" + name + "\",\"language\":\"" + lang + "\",\"status\":\"" + status
                + "\",\"category\":\"AUTHENTICATION\",\"quality_score\":{\"score\":\"GREEN\"}}";
    }

    @Test
    void listsEveryApprovedTemplateAsAnAuthenticationTemplateByDefault() {
        try (KaleyraStub stub = KaleyraStub.builder().approve("auth1", "en_US").approve("auth1", "hi").start();
             KaleyraClient client = stub.clientBuilder().build()) {
            List<MessageTemplate> templates = client.templates();

            assertThat(templates).extracting(MessageTemplate::name, MessageTemplate::language, MessageTemplate::status,
                    MessageTemplate::category).containsExactly(
                    tuple("auth1", "en_US", "APPROVED", "AUTHENTICATION"),
                    tuple("auth1", "hi", "APPROVED", "AUTHENTICATION"));
            assertThat(templates.get(0).buttons()).containsExactly(new TemplateButton("OTP", "Copy code", "COPY_CODE"));
        }
    }

    @Test
    void servesPagesOfTheConfiguredSizeAndTheClientCrossesThemAll() {
        KaleyraStub.Builder builder = KaleyraStub.builder().templatePageSize(2);
        for (String name : List.of("e", "d", "c", "b", "a")) {
            builder.template(template(name, "en", "APPROVED"));
        }
        try (KaleyraStub stub = builder.start(); KaleyraClient client = stub.clientBuilder().build()) {
            List<MessageTemplate> templates = client.templates();

            assertThat(templates).extracting(MessageTemplate::name).containsExactly("e", "d", "c", "b", "a");
            assertThat(templates.get(0).json()).contains("\"quality_score\":{\"score\":\"GREEN\"}");
            assertThat(stub.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void aStatusChangedWhileRunningShowsInTheNextList() {
        try (KaleyraStub stub = KaleyraStub.start(); KaleyraClient client = stub.clientBuilder().build()) {
            stub.setTemplateStatus("auth1", "en_US", "PAUSED");

            assertThat(client.templates()).extracting(MessageTemplate::status).containsExactly("PAUSED");
            assertThatThrownBy(() -> stub.setTemplateStatus("auth9", "en_US", "PAUSED"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auth9");
        }
    }

    @Test
    void checksCredentialsAsForASend_andKnowsOnlyItsOwnWabaId() {
        try (KaleyraStub stub = KaleyraStub.start();
             KaleyraClient wrongKey = stub.clientBuilder().apiKey("wrong-key").build();
             KaleyraClient wrongWaba = stub.clientBuilder().wabaId("999").retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(wrongKey::templates).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(wrongWaba::templates).isInstanceOfSatisfying(KaleyraApiException.class,
                    e -> assertThat(e.httpStatus()).isEqualTo(404));
        }
    }

    @Test
    void onlyGetIsServed() throws Exception {
        try (KaleyraStub stub = KaleyraStub.start()) {
            OkHttpClient http = new OkHttpClient();
            Request post = new Request.Builder()
                    .url(stub.baseUrl() + "v2/" + stub.sid() + "/whatsapp/" + stub.wabaId() + "/message_templates")
                    .header("api-key", stub.apiKey()).post(RequestBody.create(new byte[0])).build();
            try (Response response = http.newCall(post).execute()) {
                assertThat(response.code()).isEqualTo(405);
                assertThat(response.header("Allow")).isEqualTo("GET");
            }
        }
    }

    @Test
    void aTemplateWithoutNameLanguageOrStatusIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> KaleyraStub.builder().template("{\"name\":\"a\",\"language\":\"en\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> KaleyraStub.builder().template("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaleyraStub.builder().templatePageSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Not read up to the end of the first value and the rest dropped: a typo in a test's template fails it. */
    @Test
    void aTemplateWithAnythingAfterItsJsonIsRefused() {
        assertThatThrownBy(() -> KaleyraStub.builder().template(template("a", "en", "APPROVED") + " {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("template must be a JSON object");
    }
}
