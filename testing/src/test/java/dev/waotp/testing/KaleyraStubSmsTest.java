package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.AuthMessage;
import dev.waotp.AuthenticationException;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraServerException;
import dev.waotp.LowBalanceException;
import dev.waotp.RetryPolicy;
import dev.waotp.SendResult;
import dev.waotp.SmsMessage;
import dev.waotp.SmsType;
import dev.waotp.TemplateSpec;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stub takes SMS as Kaleyra's SMS pages describe them, records them and fails them on request. */
class KaleyraStubSmsTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build();

    private final KaleyraStub stub = KaleyraStub.start();
    private final KaleyraClient client = stub.clientBuilder().retryPolicy(QUICK).build();
    private final OkHttpClient raw = new OkHttpClient();

    @AfterEach
    void stop() {
        client.close();
        stub.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
    }

    private static SmsMessage sms(String code) {
        return SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("{otp} is your login code").otp(code).build();
    }

    private Response post(RequestBody body, String apiKey) throws Exception {
        return raw.newCall(new Request.Builder().url(stub.baseUrl() + "v1/" + stub.sid() + "/messages")
                .header("api-key", apiKey).post(body).build()).execute();
    }

    private static FormBody.Builder validForm() {
        return new FormBody.Builder().add("to", "+14155550100").add("sender", "KLRHXA").add("type", "OTP")
                .add("body", "482913 is your code");
    }

    private void refused(RequestBody body, String reason) throws Exception {
        try (Response response = post(body, stub.apiKey())) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.header("X-Kaleyra-Stub-Reason")).contains(reason);
        }
        assertThat(stub.receivedSms()).isEmpty();
    }

    @Test
    void aTestReadsTheCodeFromTheSmsItReceived() {
        SendResult result = client.sendSms(SmsMessage.builder().to("+919876543210").sender("KLRHXA")
                .body("{otp} is your OTP").otp("482913").templateId("1107161234567890123").build());

        assertThat(stub.receivedSms()).singleElement().satisfies(sms -> {
            assertThat(sms.messageId()).isEqualTo(result.messageId());
            assertThat(sms.to()).isEqualTo("+919876543210");
            assertThat(sms.sender()).isEqualTo("KLRHXA");
            assertThat(sms.type()).isEqualTo("OTP");
            assertThat(sms.templateId()).isEqualTo("1107161234567890123");
            assertThat(sms.body()).isEqualTo("482913 is your OTP");
            assertThat(sms.toString()).doesNotContain("482913").endsWith("body=****}");
        });
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void aWrongKeyIsRbc001AndNothingIsRecorded() {
        try (KaleyraClient wrongKey = stub.clientBuilder().apiKey("not-the-key").build()) {
            assertThatThrownBy(() -> wrongKey.sendSms(sms("1111"))).isInstanceOf(AuthenticationException.class);
        }
        try (KaleyraClient wrongSid = stub.clientBuilder().sid("HXOTHER0000001IN").build()) {
            assertThatThrownBy(() -> wrongSid.sendSms(sms("1111"))).isInstanceOf(AuthenticationException.class);
        }
        assertThat(stub.receivedSms()).isEmpty();
    }

    @Test
    void smsFaultsTakeOnlySmsAndAreRetriedLikeWhatsApp() {
        stub.failNextSms(1, Fault.serverError());
        AuthMessage whatsApp = AuthMessage.builder(TemplateSpec.of("auth1", "en_US")).to("+919876543210").otp("55").build();

        assertThat(client.send(whatsApp).messageIdKnown()).isTrue();
        assertThat(client.sendSms(sms("2222")).messageIdKnown()).isTrue();

        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(stub.received()).hasSize(1);
        assertThat(stub.receivedSms()).hasSize(1);
    }

    @Test
    void smsFaultsEndTheSendWhenTheyOutlastTheRetries() {
        stub.failNextSms(3, Fault.serverError()).failNextSms(1, Fault.lowBalance());
        assertThatThrownBy(() -> client.sendSms(sms("3333"))).isInstanceOf(KaleyraServerException.class);
        assertThatThrownBy(() -> client.sendSmsAsync(sms("3333")).join()).hasCauseInstanceOf(LowBalanceException.class);
        assertThat(stub.receivedSms()).isEmpty();
        assertThatThrownBy(() -> stub.failNextSms(0, Fault.serverError())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsForAnyRequestTakeSmsToo() {
        stub.failNext(1, Fault.lowBalance());
        assertThatThrownBy(() -> client.sendSms(sms("4444"))).isInstanceOf(LowBalanceException.class);
    }

    @Test
    void resetForgetsSmsAndTheirFaults() {
        client.sendSms(sms("5555"));
        stub.failNextSms(5, Fault.serverError());
        stub.reset();
        assertThat(stub.receivedSms()).isEmpty();
        client.sendSms(sms("6666"));
        assertThat(stub.receivedSms()).singleElement().satisfies(s -> assertThat(s.body()).contains("6666"));
    }

    @Test
    void theFormIsCheckedAsThePagesDescribeIt() throws Exception {
        try (Response ok = post(validForm().add("template_id", "1107").build(), stub.apiKey())) {
            assertThat(ok.code()).isEqualTo(202);
            assertThat(ok.body().string()).contains("\"message_id\":\"" + stub.receivedSms().get(0).messageId() + "\"");
        }
        stub.reset();
        refused(RequestBody.create("{\"to\":\"+14155550100\"}", MediaType.get("application/json")), "Content-Type");
        refused(new FormBody.Builder().add("sender", "KLRHXA").add("type", "OTP").add("body", "1 is it").build(),
                "to is required");
        refused(validForm().add("to", "+14155550101").build(), "given twice");
        refused(validForm().add("colour", "blue").build(), "unknown field colour");
        refused(validForm().add("template_id", "12a").build(), "template_id");
        refused(new FormBody.Builder().add("to", "+14155550100,+14155550101").add("sender", "K").add("type", "OTP")
                .add("body", "x").build(), "one E.164");
        refused(new FormBody.Builder().add("to", "+14155550100").add("sender", "K").add("type", "PROMO")
                .add("body", "x").build(), "type");
        refused(new FormBody.Builder().add("to", "+919876543210").add("sender", "K").add("type", "OTP")
                .add("body", "x").build(), "template_id is required");
    }

    @Test
    void otherRoutesAreTaken() {
        client.sendSms(SmsMessage.builder().to("+919876543210").sender("KLRHXA").type(SmsType.TXN)
                .body("Order code {otp}").otp("7788").build());
        assertThat(stub.receivedSms()).singleElement().satisfies(s -> assertThat(s.type()).isEqualTo("TXN"));
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        try (Response response = raw.newCall(new Request.Builder()
                .url(stub.baseUrl() + "v1/" + stub.sid() + "/messages").build()).execute()) {
            assertThat(response.code()).isEqualTo(405);
        }
    }
}
