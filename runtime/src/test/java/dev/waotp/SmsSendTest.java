package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SMS send is tried, retried, bounded and reported as a WhatsApp send is: the same retry policy,
 * deadline, listener and closing, and no secret in what it prints.
 */
class SmsSendTest {
    private static final String CODE = "Qz7Kw9";
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final SendListener recording = new SendListener() {
        @Override
        public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
            heard.add("whatsapp sent");
        }

        @Override
        public void smsSent(SmsType type, SendResult result, Duration elapsed) {
            heard.add("sms sent " + type + " " + result.messageId());
        }

        @Override
        public void smsFailed(SmsType type, KaleyraException error, Duration elapsed) {
            heard.add("sms failed " + type + " " + error.getClass().getSimpleName());
        }
    };

    private static SmsMessage sms() {
        return SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("Your code is {otp}").otp(CODE).build();
    }

    private static MockResponse accepted(String id) {
        return json(202, "{\"data\":[{\"message_id\":\"" + id + "\"}],\"error\":{}}");
    }

    private static Object outcome(KaleyraClient client, FaultsTest.Mode mode) {
        try {
            return mode == FaultsTest.Mode.BLOCKING ? client.sendSms(sms())
                    : client.sendSmsAsync(sms()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void aServerErrorIsRetriedAndTheListenerHearsOnceAsSms(FaultsTest.Mode mode) {
        server.enqueue(serverError());
        server.enqueue(accepted("S1"));
        try (KaleyraClient client = clientFor(server).listener(recording).build()) {
            assertThat(outcome(client, mode)).isInstanceOfSatisfying(SendResult.class,
                    r -> assertThat(r.messageId()).isEqualTo("S1"));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(heard).containsExactly("sms sent OTP S1");
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void retriesStopAtThePolicysBound(FaultsTest.Mode mode) {
        for (int i = 0; i < 4; i++) {
            server.enqueue(serverError());
        }
        try (KaleyraClient client = clientFor(server).listener(recording).build()) {
            assertThat(outcome(client, mode)).isInstanceOf(KaleyraServerException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(MockKaleyra.FAST_RETRIES.maxAttempts());
        assertThat(heard).containsExactly("sms failed OTP KaleyraServerException");
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void aFourHundredIsNeverRetried(FaultsTest.Mode mode) {
        server.enqueue(json(400, "{\"code\":\"E110\",\"message\":\"low balance\"}"));
        server.enqueue(accepted("NEVER"));
        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(outcome(client, mode)).isInstanceOf(LowBalanceException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void theDeadlineBoundsEveryAttemptAndWait(FaultsTest.Mode mode) {
        server.enqueue(accepted("LATE").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        try (KaleyraClient client = clientFor(server).deadline(Duration.ofMillis(500)).build()) {
            assertThat(outcome(client, mode)).isInstanceOfSatisfying(KaleyraTransportException.class,
                    e -> assertThat(e.getMessage()).contains("SMS (OTP) to +*******0100")
                            .doesNotContain(CODE).doesNotContain("4155550100"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aClosedClientSendsNoSms() {
        KaleyraClient client = clientFor(server).build();
        client.close();
        assertThatThrownBy(() -> client.sendSms(sms())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.sendSmsAsync(sms())).isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theSmsUrlIsVersionOneOfTheAccount() {
        try (KaleyraClient client = KaleyraClient.builder().sid("HXAP16XXXXXX97IN").apiKey(API_KEY)
                .businessNumber("+919000000000").region(Region.IN).build()) {
            assertThat(client.smsUrl()).isEqualTo("https://api.in.kaleyra.io/v1/HXAP16XXXXXX97IN/messages");
        }
    }

    @Test
    void neitherTheCodeNorTheBodyNorTheKeyIsPrinted() throws Exception {
        SmsMessage.Builder builder = SmsMessage.builder().to("+14155550100").sender("KLRHXA")
                .body("Your code is {otp}").otp(CODE).templateId("1107161234567890123");
        SmsMessage message = builder.build();
        server.enqueue(json(400, "{\"code\":\"E999\",\"message\":\"refused\"}"));
        CompletableFuture<SendResult> future;
        try (KaleyraClient client = clientFor(server).build()) {
            future = client.sendSmsAsync(message);
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            for (Object value : List.of(builder, message, client, future.handle((r, e) -> e).join())) {
                assertThat(value.toString()).doesNotContain(CODE).doesNotContain("Your code")
                        .doesNotContain(API_KEY).doesNotContain("4155550100");
            }
        }
        assertThat(message.toString()).isEqualTo(
                "SmsMessage{to=+*******0100, sender=KLRHXA, type=OTP, templateId=1107161234567890123, body=****}");
        assertThat(java.lang.reflect.Modifier.isPublic(SmsMessage.class.getDeclaredMethod("body").getModifiers()))
                .isFalse();
    }
}
