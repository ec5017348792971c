package dev.waotp;

import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Kaleyra's answers to an SMS become the same results and exceptions as its answers to a WhatsApp
 * send. The SMS pages found print no error body and no code list; the account's codes that the
 * WhatsApp page prints ({@code RBC001} for the SID and key, {@code E110} for the balance) belong to
 * the same account and API key, so their bodies are taken from that page. Any other code is a
 * {@link KaleyraApiException} that carries it.
 */
class SmsErrorResponsesTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    static SmsMessage sms() {
        return SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("Your code is {otp}").otp("482913").build();
    }

    private RuntimeException failureOf(MockResponse answer) {
        server.enqueue(answer);
        try (KaleyraClient client = clientFor(server).retryPolicy(RetryPolicy.none()).build()) {
            client.sendSms(sms());
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void aTwoHundredWithMessageIdsIsTheSmsId() {
        server.enqueue(json(202, "{\"data\":[{\"message_id\":\"9f2c-1\",\"recipient\":\"14155550100\"}],\"error\":{}}"));
        try (KaleyraClient client = clientFor(server).build()) {
            SendResult result = client.sendSms(sms());
            assertThat(result.messageId()).isEqualTo("9f2c-1");
            assertThat(result.messageIds()).isEqualTo(List.of("9f2c-1"));
        }
    }

    @Test
    void aTwoHundredWithoutABodyIsStillAccepted() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(client.sendSms(sms()).messageIdKnown()).isFalse();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rbc001IsAnAuthenticationException() {
        RuntimeException e = failureOf(json(401, "{\"code\":\"RBC001\",\"message\":\"Incorrect SID or API key.\","
                + "\"data\":[],\"error\":{\"error\":\"Incorrect SID or API key.\"}}"));
        assertThat(e).isInstanceOfSatisfying(AuthenticationException.class, a -> {
            assertThat(a.code()).isEqualTo("RBC001");
            assertThat(a.httpStatus()).isEqualTo(401);
        });
    }

    @Test
    void e110IsALowBalanceException() {
        RuntimeException e = failureOf(json(400, "{\"code\":\"E110\",\"message\":\"Please check your balance, "
                + "You have a low balance!\",\"data\":{},\"error\":{\"balance\":\"low\"}}"));
        assertThat(e).isInstanceOfSatisfying(LowBalanceException.class, l -> assertThat(l.code()).isEqualTo("E110"));
    }

    @Test
    void anUndocumentedCodeIsAKaleyraApiExceptionWithThatCodeAndErrorMap() {
        RuntimeException e = failureOf(json(400, "{\"code\":\"E413\",\"message\":\"Invalid sender\","
                + "\"error\":{\"sender\":\"not approved\"}}"));
        assertThat(e).isExactlyInstanceOf(KaleyraApiException.class);
        KaleyraApiException api = (KaleyraApiException) e;
        assertThat(api.code()).isEqualTo("E413");
        assertThat(api.errors()).containsEntry("sender", "not approved");
        assertThat(api.getMessage()).isEqualTo("Kaleyra answered HTTP 400 E413: Invalid sender");
    }

    @Test
    void aBodyThatIsNotJsonIsAKaleyraApiExceptionWithTheStatus() {
        RuntimeException e = failureOf(new MockResponse.Builder().code(403).body("<html>forbidden</html>").build());
        assertThat(e).isExactlyInstanceOf(KaleyraApiException.class);
        assertThat(((KaleyraApiException) e).httpStatus()).isEqualTo(403);
        assertThat(((KaleyraApiException) e).code()).isNull();
    }

    @Test
    void aFiveHundredIsAKaleyraServerException() {
        RuntimeException e = failureOf(json(503, "{\"message\":\"down\"}"));
        assertThat(e).isInstanceOfSatisfying(KaleyraServerException.class,
                s -> assertThat(s.httpStatus()).isEqualTo(503));
    }
}
