package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.SID;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The SMS request is the one Kaleyra's Send OTP SMS page prints for Indian customers: the same
 * method, path, headers and fields, the page's own sample body with its code.
 */
class SmsRequestTest {
    /** The page's sample text; its code is 1234. */
    private static final String PAGE_BODY = "Dear Customer, 1234 is your OTP (One Time Password) for the transaction.";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private RecordedRequest sent(SmsMessage message) throws Exception {
        server.enqueue(json(202, "{\"data\":[{\"message_id\":\"S1\"}]}"));
        try (KaleyraClient client = clientFor(server).build()) {
            client.sendSms(message);
        }
        return server.takeRequest();
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().string(StandardCharsets.UTF_8).split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void theRequestHasThePagesMethodPathHeadersAndFields() throws Exception {
        Map<String, String> page = SmsPages.curlFields(SmsPages.SEND_OTP_SMS, "Request Format-Indian Customers");
        assertThat(page).containsKeys("to", "type", "sender", "body", "template_id");
        assertThat(page.get("body").strip()).isEqualTo(PAGE_BODY);

        RecordedRequest request = sent(SmsMessage.builder()
                .to("+919876543210").sender("KLRHXA").body(page.get("body").strip()).otp("1234")
                .templateId("1107161234567890123").build());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/" + SID + "/messages");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        String pageText = SmsPages.text(SmsPages.SEND_OTP_SMS);
        assertThat(pageText).contains("application/x-www-form-urlencoded");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = form(request);
        // The page's fields, the callback aside (delivery reports come through callback profiles).
        assertThat(form.keySet()).containsExactlyInAnyOrderElementsOf(
                page.keySet().stream().filter(k -> !k.equals("callback")).toList());
        assertThat(form).containsEntry("type", page.get("type")).containsEntry("body", PAGE_BODY)
                .containsEntry("to", "+919876543210").containsEntry("sender", "KLRHXA")
                .containsEntry("template_id", "1107161234567890123");
    }

    @Test
    void thePlaceholderIsReplacedByTheCodeEverywhereAndTheTypeIsSentAsThePageSpellsIt() throws Exception {
        RecordedRequest request = sent(SmsMessage.builder().to("+14155550100").sender("KLRHXA")
                .body("{otp} is your code. Again: {otp}").otp("482913").type(SmsType.TXN).build());

        Map<String, String> form = form(request);
        assertThat(form).containsEntry("body", "482913 is your code. Again: 482913").containsEntry("type", "TXN")
                .doesNotContainKey("template_id");
    }

    @Test
    void theFirstSmsPagesSampleIsFormEncodedAndItsSenderIsMandatory() throws Exception {
        String page = SmsPages.text(SmsPages.SEND_FIRST_SMS);
        assertThat(page).contains("-H \"Content-Type: application/x-www-form-urlencoded\"")
                .contains("<SENDER_ID> | String | Originator/Alphanumeric ID (default KLRHXA) | KLRHXA | Yes |");
        Map<String, String> sample = SmsPages.curlFields(SmsPages.SEND_FIRST_SMS, "Sample Request Format");

        RecordedRequest request = sent(SmsMessage.builder().to("+14155550100").sender(sample.get("sender"))
                .body(sample.get("body") + " Code {otp}").otp("77").type(SmsType.DEFAULT).build());

        assertThat(form(request)).containsEntry("sender", "KLRHXA")
                .containsEntry("body", "Hello! This is my first SMS. Code 77");
    }

    @Test
    void unicodeBodiesArriveAsSent() throws Exception {
        RecordedRequest request = sent(SmsMessage.builder().to("+14155550100").sender("KLRHXA")
                .body("आपका कोड {otp} है 🔐 & =").otp("9911").build());

        assertThat(form(request)).containsEntry("body", "आपका कोड 9911 है 🔐 & =");
    }
}
