package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule the SMS pages state fails with the field and the rule, and nothing is sent. */
class SmsInputValidationTest {
    private static final String OTP = "482913";

    private static SmsMessage.Builder valid() {
        return SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("Your code is {otp}").otp(OTP);
    }

    private static void refused(UnaryOperator<SmsMessage.Builder> change, String field, String rule) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(rule);
                    assertThat(e.getMessage()).doesNotContain(OTP).doesNotContain("Your code");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"14155550100", "+0123456789", "+1415555010x", "+1234567", "+1234567890123456", ""})
    void theRecipientMustBeE164(String to) {
        refused(b -> b.to(to), "to", "E.164");
    }

    @Test
    void oneRecipientOnlyAsTheSendOtpSmsPageSays() {
        refused(b -> b.to("+14155550100,+14155550101"), "to", "one number");
    }

    @Test
    void requiredValues() {
        assertThatThrownBy(() -> SmsMessage.builder().sender("KLRHXA").body("{otp}").otp(OTP).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> SmsMessage.builder().to("+14155550100").body("{otp}").otp(OTP).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sender"));
        assertThatThrownBy(() -> SmsMessage.builder().to("+14155550100").sender("KLRHXA").otp(OTP).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("{otp}").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("otp"));
        refused(b -> b.sender("  "), "sender", "required");
        refused(b -> b.sender("KLR\nHXA"), "sender", "control");
        refused(b -> b.body(" "), "body", "required");
        refused(b -> b.type(null), "type", "required");
    }

    @Test
    void theBodyMustCarryTheCode() {
        refused(b -> b.body("Your login code follows"), "body", "must contain the code");
        assertThat(valid().body("Code " + OTP + ", valid 5 minutes").build().body()).isEqualTo("Code 482913, valid 5 minutes");
    }

    @Test
    void theBodyMustBeWellFormedUnicode() {
        refused(b -> b.body("{otp} \ud83d"), "body", "lone surrogate");
    }

    @Test
    void theCodeFollowsTheOtpRules() {
        refused(b -> b.otp("1234567890123456"), "otp", "1 to 15");
        refused(b -> b.otp(" "), "otp", "blank");
    }

    @Test
    void theTemplateIdIsAnInteger() {
        refused(b -> b.templateId("11071x"), "template_id", "digits");
        refused(b -> b.templateId(""), "template_id", "empty");
        assertThat(valid().templateId(null).build().templateId()).isNull();
    }

    @Test
    void anOtpToIndiaNeedsTheDltTemplateId() {
        refused(b -> b.to("+919876543210"), "template_id", "India");
        assertThat(valid().to("+919876543210").templateId("1107161234567890123").build().templateId())
                .isEqualTo("1107161234567890123");
    }

    @Test
    void otherRoutesToIndiaAndOtpElsewhereNeedNoTemplateId() {
        assertThat(valid().to("+919876543210").type(SmsType.TXN).build().type()).isEqualTo(SmsType.TXN);
        assertThat(valid().to("+4915112345678").build().type()).isEqualTo(SmsType.OTP);
    }

    @Test
    void nothingIsSentForBadInput() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            try (KaleyraClient client = MockKaleyra.clientFor(server).build()) {
                assertThatThrownBy(() -> client.sendSms(valid().to("+919876543210").build()))
                        .isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> client.sendSms(null)).isInstanceOf(NullPointerException.class);
            }
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
