package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.AUTH1;
import static dev.waotp.MockKaleyra.OTP;
import static dev.waotp.MockKaleyra.offlineClient;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API key and one-time passwords stay out of {@code toString()} and exception messages. */
class SecretsTest {
    @Test
    void toStringsMaskTheApiKeyTheOtpAndMostOfEachNumber() {
        KaleyraClientBuilder builder = offlineClient();
        AuthMessage.Builder messageBuilder = AuthMessage.builder(AUTH1).to("+919876543210").otp(OTP);
        AuthMessage message = messageBuilder.build();

        try (KaleyraClient client = builder.build()) {
            for (Object value : new Object[] {client, builder, message, messageBuilder,
                    MockKaleyra.model(message), MockKaleyra.model(message).messagingObject().template()}) {
                assertThat(value.toString()).doesNotContain(API_KEY).doesNotContain(OTP).doesNotContain("9876543210");
            }
        }
        assertThat(message.toString()).contains("+********3210").contains("auth1/en_US");
    }

    @Test
    void refsHoldNamesAndCustomerIdsSoToStringMasksThem() {
        AuthMessage message = AuthMessage.builder(AUTH1).to("+919876543210").otp(OTP)
                .ref("Jane Doe").ref1("customer-4711").ref2("jane@example.com").build();

        assertThat(message.toString()).doesNotContain("Jane").doesNotContain("4711").doesNotContain("example")
                .contains("ref=****, ref1=****, ref2=****");
    }

    @Test
    void theOtpIsNotReadableFromOutsideTheLibrary() throws Exception {
        assertThat(java.lang.reflect.Modifier.isPublic(AuthMessage.class.getDeclaredMethod("otp").getModifiers()))
                .isFalse();
    }
}
