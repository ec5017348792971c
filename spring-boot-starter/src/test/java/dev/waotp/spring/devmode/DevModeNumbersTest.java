package dev.waotp.spring.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.PostedCallback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Dev mode failing numbers as set in properties, seen the way a developer sees it: a code asked for through the
 * application's verify endpoint, the stub's answer or callback, the SMS fallback, and both codes on
 * {@code /waotp/dev/messages}, each with its channel. Nothing here talks to the stub or the verifier directly
 * except to read what the stub posted.
 */
@SpringBootTest(classes = DevModeNumbersTest.DevApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.dev.enabled=true",
            "waotp.dev.numbers.failed=" + DevModeNumbersTest.FAILED,
            "waotp.dev.numbers.not-sent=" + DevModeNumbersTest.NOT_SENT,
            "waotp.dev.numbers.refused=" + DevModeNumbersTest.REFUSED,
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "waotp.web.enabled=true",
            "waotp.verify.secret=0123456789abcdef0123456789abcdef-dev-mode",
            "waotp.verify.store=memory",
            "waotp.sms.sender=WAOTPS",
            "waotp.sms.template-id=1207161234567890123",
            "waotp.sms.allowed-regions=IN",
            "waotp.sms.body=Your code is {otp}. Do not share it."
        })
class DevModeNumbersTest {
    static final String FAILED = "+919000000001";
    static final String NOT_SENT = "+919000000002";
    static final String REFUSED = "+919000000003";
    static final String FINE = "+919000000004";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DevApp {}

    @LocalServerPort
    int port;

    @Autowired
    KaleyraStub stub;

    private DevModeHttp http;

    @BeforeEach
    void open() {
        http = new DevModeHttp(port);
    }

    @Test
    void aFailedNumberGetsMetasFailureByCallbackAndItsCodeBySms() throws InterruptedException {
        assertThat(http.post("/waotp/verify/start", phone(FAILED))).isEqualTo(202);

        List<JsonNode> messages = http.messagesOnce(entry -> is(entry, "sms", FAILED));
        assertThat(to(messages, FAILED)).extracting(entry -> entry.get("channel").asString())
                .containsExactly("whatsapp", "sms");
        assertThat(stub.awaitCallbacks(Duration.ofSeconds(10))).filteredOn(c -> c.recipient().equals(FAILED))
                .singleElement().satisfies(callback -> {
                    assertThat(callback.state()).isEqualTo(DeliveryState.FAILED);
                    assertThat(callback.httpStatus()).isEqualTo(200);
                    assertThat(callback.body()).contains("\"code\":131026").contains("Message undeliverable");
                });
        assertThat(http.post("/waotp/verify/check", check(code(messages, "sms", FAILED)))).isEqualTo(200);
    }

    @Test
    void aNotSentNumberGetsKaleyrasNotSentCallbackAndItsCodeBySms() throws InterruptedException {
        assertThat(http.post("/waotp/verify/start", phone(NOT_SENT))).isEqualTo(202);

        List<JsonNode> messages = http.messagesOnce(entry -> is(entry, "sms", NOT_SENT));
        assertThat(stub.awaitCallbacks(Duration.ofSeconds(10))).filteredOn(c -> c.recipient().equals(NOT_SENT))
                .extracting(PostedCallback::state).containsExactly(DeliveryState.NOT_SENT);
        assertThat(http.post("/waotp/verify/check", check(code(messages, "sms", NOT_SENT)))).isEqualTo(200);
    }

    @Test
    void aRefusedNumbersSendIsRefusedAtOnceAndTheCodeGoesBySms() {
        assertThat(http.post("/waotp/verify/start", phone(REFUSED))).isEqualTo(202);

        List<JsonNode> messages = http.messages();
        assertThat(to(messages, REFUSED)).singleElement().satisfies(sms -> {
            assertThat(sms.get("channel").asString()).isEqualTo("sms");
            assertThat(sms.get("sender").asString()).isEqualTo("WAOTPS");
            assertThat(sms.get("body").asString()).isEqualTo("Your code is " + sms.get("code").asString()
                    + ". Do not share it.");
        });
        assertThat(http.post("/waotp/verify/check", check(code(messages, "sms", REFUSED)))).isEqualTo(200);
    }

    @Test
    void anyOtherNumberGetsItsCodeOnWhatsAppAlone() throws InterruptedException {
        assertThat(http.post("/waotp/verify/start", phone(FINE))).isEqualTo(202);

        List<JsonNode> messages = http.messagesOnce(entry -> is(entry, "whatsapp", FINE));
        assertThat(to(messages, FINE)).singleElement().satisfies(entry -> {
            assertThat(entry.get("template").asString()).isEqualTo("auth1");
            assertThat(entry.get("code").asString()).matches("[0-9]{6}");
        });
        assertThat(http.post("/waotp/verify/check", check(code(messages, "whatsapp", FINE)))).isEqualTo(200);
    }

    private static boolean is(JsonNode entry, String channel, String phone) {
        return entry.get("channel").asString().equals(channel) && entry.get("to").toString().contains(phone);
    }

    private static List<JsonNode> to(List<JsonNode> messages, String phone) {
        return messages.stream().filter(entry -> entry.get("to").toString().contains(phone)).toList();
    }

    private static String code(List<JsonNode> messages, String channel, String phone) {
        return messages.stream().filter(entry -> is(entry, channel, phone)).reduce((a, b) -> b).orElseThrow()
                .get("code").asString();
    }

    private static String phone(String phone) {
        return "{\"phone\":\"" + phone + "\"}";
    }

    /** The code alone: the check is for the phone this session started, never one posted with it. */
    private static String check(String code) {
        return "{\"code\":\"" + code + "\"}";
    }
}
