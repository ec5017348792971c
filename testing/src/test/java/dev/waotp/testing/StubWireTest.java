package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the stub answers on the wire, including payloads the runtime client can never build. */
class StubWireTest {
    @RegisterExtension
    static final KaleyraStubExtension kaleyra = new KaleyraStubExtension();

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private static final String VALID = """
            {"messaging_object":{"messaging_product":"whatsapp","recipient_type":"individual",
             "to":"+919876543210","type":"template","template":{"name":"auth1","language":{"code":"en_US"},
             "components":[{"type":"body","parameters":[{"type":"text","text":"J$Fp1234"}]},
              {"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"J$Fp1234"}]}]}},
             "extra_info":{"ref":"customer1","ref1":"marketing","ref2":"dictionary","wa_source":"api"}}""";

    private KaleyraStub stub;

    record Answer(int status, JsonNode body, String reason) {}

    @BeforeEach
    void findStub() {
        stub = kaleyra.stub();
    }

    @AfterAll
    static void closeHttp() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private Answer post(String path, String apiKey, String body) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(stub.baseUrl() + path)
                .post(RequestBody.create(body, JSON));
        if (apiKey != null) {
            request.header("api-key", apiKey);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String text = response.body().string();
            JsonNode json = text.isEmpty() || !text.startsWith("{") ? null : MAPPER.readTree(text);
            return new Answer(response.code(), json, response.header(Answers.REASON_HEADER));
        }
    }

    private Answer send(String body) throws IOException {
        return post(messagesPath(stub.businessNumber()), stub.apiKey(), body);
    }

    private String messagesPath(String number) {
        return "v2/" + stub.sid() + "/whatsapp/" + number + "/messages";
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    @Test
    void acceptsTheSamplePayloadOfThePage() throws IOException {
        Answer answer = send(VALID);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("code").asString()).isEqualTo("WA202");
        assertThat(answer.body().get("message").asString()).isEqualTo("Request Accepted");
        assertThat(answer.body().get("data").get("message_id").asString()).matches("A[A-Z0-9]{19}");
        assertThat(answer.body().get("error")).isEqualTo(json("{}"));
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.otp()).isEqualTo("J$Fp1234");
            assertThat(received.ref1()).isEqualTo("marketing");
            assertThat(received.waSource()).isEqualTo("api");
            assertThat(received.rawJson()).isEqualTo(VALID);
        });
    }

    @Test
    void acceptsAPercentEncodedPlusInTheBusinessNumber() throws IOException {
        Answer answer = post(messagesPath(stub.businessNumber().replace("+", "%2B")), stub.apiKey(), VALID);

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void leavesOptionalPartsOutOfTheRecordWhenAbsent() throws IOException {
        String minimal = VALID.replace("\"recipient_type\":\"individual\",", "")
                .replaceAll(",\\s*\"extra_info\":\\{[^}]*}", "");

        assertThat(send(minimal).status()).isEqualTo(202);
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.ref()).isNull();
            assertThat(received.ref1()).isNull();
            assertThat(received.ref2()).isNull();
            assertThat(received.waSource()).isNull();
        });
    }

    @Test
    void answersAWrongApiKeyWithTheExactRbc001Body() throws IOException {
        Answer answer = post(messagesPath(stub.businessNumber()), "wrong", VALID);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(json("""
                {"code":"RBC001","message":"Incorrect SID or API key.","data":[],
                 "error":{"error":"Incorrect SID or API key."}}"""));
    }

    @Test
    void answersAMissingApiKeyLikeAWrongOne() throws IOException {
        assertThat(post(messagesPath(stub.businessNumber()), null, VALID).status()).isEqualTo(401);
    }

    @Test
    void checksCredentialsBeforeTheBusinessNumber() throws IOException {
        Answer answer = post(messagesPath("+911111111111"), "wrong", VALID);

        assertThat(answer.body().get("code").asString()).isEqualTo("RBC001");
    }

    @Test
    void answersAnUnknownBusinessNumberWithTheExactWa401Body() throws IOException {
        Answer answer = post(messagesPath("+911111111111"), stub.apiKey(), VALID);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(json("""
                {"code":"WA401","message":"Phone number is not present or does not belong to the account.",
                 "data":{},"error":{"phone_number":"Phone number is not present or does not belong to the account."}}"""));
    }

    @Test
    void answersAnOtpMismatchWithTheExactWa400Body() throws IOException {
        Answer answer = send(VALID.replaceFirst("J\\$Fp1234", "J\\$Fp9999"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(json("""
                {"code":"WA400","message":"Refer to correct payload format","data":{},
                 "error":{"payload":"Incorrect payload format"}}"""));
        assertThat(answer.reason()).contains("same in the body and the button");
        assertThat(stub.received()).isEmpty();
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void answersAnUnapprovedTemplateWithAWa400NamingIt() throws IOException {
        Answer answer = send(VALID.replace("\"name\":\"auth1\"", "\"name\":\"promo\""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("WA400");
        assertThat(answer.body().get("data")).isEqualTo(json("{}"));
        assertThat(answer.body().get("error").get("template").asString())
                .isEqualTo("Template promo (en_US) is not approved");
    }

    @Test
    void answersFaultsWithTheExactBodiesOfThePage() throws IOException {
        stub.failNext(1, Fault.serverError()).failNext(1, Fault.lowBalance());

        Answer serverError = send(VALID);
        Answer lowBalance = send(VALID);

        assertThat(serverError.status()).isEqualTo(500);
        assertThat(serverError.body()).isEqualTo(json("""
                {"code":"WA500","message":"Please try again later","data":{},
                 "error":{"error":"Internal server error"}}"""));
        assertThat(lowBalance.status()).isEqualTo(400);
        assertThat(lowBalance.body()).isEqualTo(json("""
                {"code":"E110","message":"Please check your balance, You have a low balance!","data":{},
                 "error":{"balance":"Please check your balance, You have a low balance!"}}"""));
        assertThat(send(VALID).status()).isEqualTo(202);
    }

    @Test
    void dropsTheConnectionWithoutAnswering() {
        stub.failNext(1, Fault.dropConnection());
        // OkHttp would quietly retry a dropped request on a new connection; the point is to see the drop.
        OkHttpClient noRetry = HTTP.newBuilder().retryOnConnectionFailure(false).build();
        Request request = new Request.Builder()
                .url(stub.baseUrl() + messagesPath(stub.businessNumber()))
                .header("api-key", stub.apiKey())
                .post(RequestBody.create(VALID, JSON))
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noRetry.newCall(request).execute().close())
                .isInstanceOf(IOException.class);
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws IOException {
        assertThat(post("v1/whatever", stub.apiKey(), VALID).status()).isEqualTo(404);
        Request get = new Request.Builder().url(stub.baseUrl() + messagesPath(stub.businessNumber())).build();
        try (Response response = HTTP.newCall(get).execute()) {
            assertThat(response.code()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("POST");
        }
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void handsOutUniqueKaleyraShapedMessageIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(send(VALID).body().get("data").get("message_id").asString());
        }
        assertThat(ids).hasSize(50).allMatch(id -> id.matches("A[A-Z0-9]{19}"));
    }

    static Stream<Arguments> malformedPayloads() {
        return Stream.of(
                bad("not JSON", body -> "otp=1234"),
                bad("a JSON array", body -> "[]"),
                bad("trailing content", body -> body + "{}"),
                bad("no messaging_object", body -> "{\"extra_info\":{}}"),
                bad("another product", body -> body.replace("\"whatsapp\"", "\"sms\"")),
                bad("a group recipient", body -> body.replace("\"individual\"", "\"group\"")),
                bad("a number without +", body -> body.replace("\"+919876543210\"", "\"919876543210\"")),
                bad("an empty second recipient", body -> body.replace("\"+919876543210\"", "\"+919876543210,\"")),
                bad("a text message", body -> body.replace("\"type\":\"template\"", "\"type\":\"text\"")),
                bad("no type", body -> body.replace("\"type\":\"template\",", "")),
                bad("no template name", body -> body.replace("\"name\":\"auth1\",", "")),
                bad("no language code", body -> body.replace("{\"code\":\"en_US\"}", "{}")),
                bad("an OTP longer than 15", body -> body.replace("J$Fp1234", "1234567890123456")),
                bad("an empty OTP", body -> body.replace("J$Fp1234", "")),
                bad("a quick reply button", body -> body.replace("\"url\"", "\"quick_reply\"")),
                bad("index 10", body -> body.replace("\"index\":0", "\"index\":10")),
                bad("index as a string", body -> body.replace("\"index\":0", "\"index\":\"0\"")),
                bad("no index", body -> body.replace("\"index\":0,", "")),
                bad("no button", body -> body.replaceFirst(
                        ",\\s*\\{\"type\":\"button\".*?}]}", "")),
                bad("a component type that is not a string", body -> body.replace("\"type\":\"body\"", "\"type\":1")),
                bad("a currency parameter", body -> body.replaceFirst("\"type\":\"text\"", "\"type\":\"currency\"")),
                bad("two body parameters", body -> body.replaceFirst(
                        "(\\{\"type\":\"text\",\"text\":\"J\\$Fp1234\"})", "$1,$1")),
                bad("a duplicate text key", body -> body.replaceFirst(
                        "\"text\":\"J\\$Fp1234\"", "\"text\":\"J\\$Fp1234\",\"text\":\"0000\"")),
                bad("a misspelled field", body -> body.replace("\"ref1\"", "\"reff1\"")),
                bad("a ref of 256 characters", body -> body.replace("customer1", "r".repeat(256))),
                bad("a numeric ref", body -> body.replace("\"customer1\"", "42")));
    }

    private static Arguments bad(String what, UnaryOperator<String> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPayloads")
    void refusesAMalformedPayloadWithWa400(String what, UnaryOperator<String> change) throws IOException {
        String body = change.apply(VALID);
        assertThat(body).as("the test changed the payload").isNotEqualTo(VALID);

        Answer answer = send(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("WA400");
        assertThat(answer.body().get("error").has("payload")).isTrue();
        assertThat(answer.reason()).isNotBlank();
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void acceptsARefOfExactly255CharactersAndAnOtpOf15() throws IOException {
        String body = VALID.replace("customer1", "r".repeat(255)).replace("J$Fp1234", "123456789012345");

        assertThat(send(body).status()).isEqualTo(202);
        assertThat(stub.received().get(0).ref()).hasSize(255);
    }
}
