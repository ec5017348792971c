package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.AUTH1;
import static dev.waotp.MockKaleyra.OTP;
import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class KaleyraClientSendTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private KaleyraClient client;

    @BeforeEach
    void start() throws Exception {
        client = clientFor(server).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void postsToTheAccountsMessagesEndpointWithTheApiKeyHeader() throws Exception {
        server.enqueue(accepted("AXXXXXXXXXXXXXXXXXXX"));

        SendResult result = client.send(loginCode());

        assertThat(result).isEqualTo(new SendResult(List.of("AXXXXXXXXXXXXXXXXXXX"), "WA202", "Request Accepted"));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/HXAP16XXXXXX97IN/whatsapp/+919000000000/messages");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.at("/messaging_object/to").asString()).isEqualTo("+919876543210");
        assertThat(body.at("/messaging_object/template/components/0/parameters/0/text").asString()).isEqualTo(OTP);
        assertThat(body.at("/messaging_object/template/components/1/parameters/0/text").asString()).isEqualTo(OTP);
    }

    @Test
    void sendsAsynchronouslyWithoutBlockingTheCaller() throws Exception {
        server.enqueue(new MockResponse.Builder(accepted("A2")).headersDelay(300, TimeUnit.MILLISECONDS).build());

        CompletableFuture<SendResult> future = client.sendAsync(loginCode());

        // Had the call waited for the answer, the future would be done when it returned.
        assertThat(future).isNotDone();
        assertThat(future.get(5, TimeUnit.SECONDS).messageId()).isEqualTo("A2");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sendsRefsAndSeveralRecipients() throws Exception {
        server.enqueue(accepted("A4"));

        client.send(AuthMessage.builder(AUTH1)
                .to("+919876543210, +14155550123")
                .otp(OTP)
                .ref("customer-42")
                .ref2("signup")
                .build());

        JsonNode body = new ObjectMapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.at("/messaging_object/to").asString()).isEqualTo("+919876543210,+14155550123");
        assertThat(body.at("/extra_info/ref").asString()).isEqualTo("customer-42");
        assertThat(body.at("/extra_info").has("ref1")).isFalse();
        assertThat(body.at("/extra_info/ref2").asString()).isEqualTo("signup");
        assertThat(body.at("/extra_info/wa_source").asString()).isEqualTo("api");
    }
}
