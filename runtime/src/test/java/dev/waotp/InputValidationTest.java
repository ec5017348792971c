package dev.waotp;

import static dev.waotp.MockKaleyra.AUTH1;
import static dev.waotp.MockKaleyra.OTP;
import static dev.waotp.MockKaleyra.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused while the message is built, so no request can carry it. */
class InputValidationTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void noRequestWasSent() {
        assertThat(server.getRequestCount()).isZero();
    }

    /** A controller that maps KaleyraException to "the provider failed" must not see a caller's mistake as one. */
    @Test
    void inputErrorsAreIllegalArgumentsNotProviderErrors() {
        InvalidInputException e = refused(() -> AuthMessage.builder(AUTH1).to("12345").otp(OTP));

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat((Object) e).isNotInstanceOf(KaleyraException.class);
    }

    private static InvalidInputException refused(Runnable build) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, build::run);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.field() + ": " + e.rule());
        return e;
    }

    /** The whole message is the field and the rule, so the refused value cannot be in it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|must be 1 to 15 characters, was 0",
        "1234567890123456|must be 1 to 15 characters, was 16",
        "'   '|must not be blank",
        "'12\\n34'|must not contain control characters",
        "'\\0'|must not contain control characters"})
    void refusesOtpsThatBreakTheRules(String escapedOtp, String rule) {
        String otp = escapedOtp.translateEscapes();
        InvalidInputException e = refused(() -> AuthMessage.builder(AUTH1).to("+919876543210").otp(otp));

        assertThat(e.field()).isEqualTo("otp");
        assertThat(e.getMessage()).isEqualTo("otp: " + rule);
    }

    @Test
    void countsOtpLengthInCharactersNotUtf16Units() {
        String fifteenEmoji = "\uD83D\uDD11".repeat(15);
        AuthMessage message = AuthMessage.builder(AUTH1).to("+919876543210").otp(fifteenEmoji).build();
        assertThat(message.otp()).isEqualTo(fifteenEmoji);

        InvalidInputException e = refused(() -> AuthMessage.builder(AUTH1).otp("1234567890123456"));
        assertThat(e.rule()).isEqualTo("must be 1 to 15 characters, was 16");
    }

    @Test
    void refusesALoneSurrogateThatUtf8CannotCarry() {
        assertThat(refused(() -> AuthMessage.builder(AUTH1).otp("12\uD83D")).rule()).contains("lone surrogate");
    }

    @Test
    void requiresAnOtpAndARecipient() {
        assertThat(refused(() -> AuthMessage.builder(AUTH1).to("+919876543210").build()).field()).isEqualTo("otp");
        assertThat(refused(() -> AuthMessage.builder(AUTH1).otp(OTP).build()).field()).isEqualTo("to");
        assertThat(refused(() -> AuthMessage.builder(AUTH1).to(List.of()).otp(OTP).build()).field()).isEqualTo("to");
        assertThat(refused(() -> AuthMessage.builder(AUTH1).otp(null)).field()).isEqualTo("otp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"919876543210", "+0123456789", "+1234567", "+1234567890123456", "+91 98765 43210",
            "+91-9876543210", "", "+91987654321O"})
    void refusesRecipientsThatAreNotE164(String to) {
        InvalidInputException e = refused(() -> AuthMessage.builder(AUTH1).to(to));

        assertThat(e.field()).isEqualTo("to[0]");
        assertThat(e.rule()).isEqualTo("must be E.164: '+' then 8 to 15 digits, the first not 0");
    }

    @Test
    void namesWhichOfSeveralRecipientsIsWrong() {
        assertThat(refused(() -> AuthMessage.builder(AUTH1).to("+919876543210,+12")).field()).isEqualTo("to[1]");
        assertThat(refused(() -> AuthMessage.builder(AUTH1).to("+919876543210", "+14155550123", "x")).field())
                .isEqualTo("to[2]");
        assertThat(refused(() -> AuthMessage.builder(AUTH1).to(List.of("+919876543210", "+1"))).field())
                .isEqualTo("to[1]");
    }

    @Test
    void refusesRefsOverTheLimitInsteadOfLettingKaleyraTruncateThem() {
        String max = "r".repeat(255);
        AuthMessage message = AuthMessage.builder(AUTH1).to("+919876543210").otp(OTP).ref(max).ref1(max).ref2(max)
                .build();
        assertThat(message.ref()).hasSize(255);

        for (String field : List.of("ref", "ref1", "ref2")) {
            InvalidInputException e = refused(() -> {
                AuthMessage.Builder builder = AuthMessage.builder(AUTH1);
                String tooLong = max + "r";
                switch (field) {
                    case "ref" -> builder.ref(tooLong);
                    case "ref1" -> builder.ref1(tooLong);
                    default -> builder.ref2(tooLong);
                }
            });
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo("must be at most 255 characters, was 256");
        }
    }

    @Test
    void checksTheTemplate() {
        assertThat(refused(() -> TemplateSpec.of("Auth-1", "en_US")).field()).isEqualTo("template.name");
        assertThat(refused(() -> TemplateSpec.of("", "en_US")).field()).isEqualTo("template.name");
        assertThat(refused(() -> TemplateSpec.of("auth1", "english")).field()).isEqualTo("template.language.code");
        assertThat(refused(() -> TemplateSpec.of("auth1", "en_US", 10, WaSource.API)).rule())
                .isEqualTo("must be 0 to 9, was 10");
    }

    @Test
    void checksTheClientSettings() {
        assertThat(refused(() -> clientFor(server).sid(null).build()).field()).isEqualTo("sid");
        assertThat(refused(() -> clientFor(server).sid("HX/AP").build()).field()).isEqualTo("sid");
        assertThat(refused(() -> clientFor(server).apiKey(" ").build()).field()).isEqualTo("apiKey");
        assertThat(refused(() -> clientFor(server).businessNumber("9000000000").build()).field())
                .isEqualTo("businessNumber");
        assertThat(refused(() -> clientFor(server).region(Region.IN).build()).rule())
                .isEqualTo("set either region or baseUrl, not both");
        assertThat(refused(() -> clientFor(server).baseUrl(null).build()).field()).isEqualTo("region");
        assertThat(refused(() -> clientFor(server).baseUrl("not a url").build()).field()).isEqualTo("baseUrl");
        assertThat(refused(() -> clientFor(server).connectTimeout(java.time.Duration.ZERO)).field())
                .isEqualTo("connectTimeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/", "http://10.0.0.5:8080/", "http://127.example.com/"})
    void refusesPlainHttpToHostsThatAreNotLoopback(String url) {
        InvalidInputException e = refused(() -> clientFor(server).baseUrl(url).build());

        assertThat(e.rule()).startsWith("must use https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/", "http://127.0.0.1:8080", "http://127.1.2.3/kaleyra",
            "http://[::1]:8080/", "https://api.example.com/"})
    void allowsHttpsAnywhereAndPlainHttpOnLoopback(String url) {
        try (KaleyraClient client = clientFor(server).baseUrl(url).build()) {
            assertThat(client.baseUrl()).endsWith("/");
        }
    }
}
