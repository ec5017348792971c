package dev.waotp.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.testing.KaleyraStub;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole login of the README's main command, and its keyboard variant. */
class LoginCommandTest {
    private final KaleyraStub stub = KaleyraStub.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        stub.close();
    }

    private int run(Map<String, String> env, BufferedReader keyboard, String... args) {
        return SampleApp.run(args, env, keyboard, new PrintWriter(out), new PrintWriter(err));
    }

    private Map<String, String> stubAccount() {
        return Map.of("KALEYRA_SID", stub.sid(), "KALEYRA_API_KEY", stub.apiKey(),
                "KALEYRA_NUMBER", stub.businessNumber(), "KALEYRA_BASE_URL", stub.baseUrl());
    }

    /** A keyboard that types what {@code line} gives at the moment the app asks, not before. */
    private static BufferedReader typing(Supplier<String> line) {
        return new BufferedReader(new StringReader("")) {
            @Override
            public String readLine() {
                return line.get();
            }
        };
    }

    @Test
    void withoutInputItStartsChecksAWrongGuessTheReceivedCodeAndAReplay() {
        int exitCode = run(Map.of(), typing(() -> null), "login", "--to", "+919876543210");

        assertThat(err.toString()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("embedded Kaleyra stub")
                .contains("1. start(+********3210): Sent[")
                .contains("   Delivery of the code: WHATSAPP, delivered")
                .contains("The stub plays the phone: it received a 6-character code on WhatsApp.")
                .contains("2. check(+********3210, ******): WrongCode[attemptsLeft=4]")
                .contains("3. check(+********3210, ******): Approved[]")
                .contains("4. check(+********3210, ******): NotPending[]")
                .contains("Logged in.")
                .doesNotContain("9876543210")
                .doesNotContainPattern("(?<![0-9])[0-9]{6}(?![0-9])");
    }

    @Test
    void whenWhatsappCannotDeliverTheCodeArrivesBySmsAndLogsIn() {
        int exitCode = run(Map.of(), typing(() -> null), "login", "--to", Connection.UNDELIVERABLE);

        assertThat(err.toString()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("   Delivery of the code: SMS")
                .contains("it received a 6-character code by SMS, after WhatsApp could not deliver.")
                .contains("3. check(+********0131, ******): Approved[]")
                .contains("Logged in.")
                .doesNotContainPattern("(?<![0-9])[0-9]{6}(?![0-9])");
    }

    @Test
    void withAskTheCodeTypedOnTheKeyboardIsChecked() {
        int exitCode = run(stubAccount(), typing(() -> stub.received().get(0).otp()),
                "login", "--to", "+919876543210", "--ask");

        assertThat(exitCode).isZero();
        assertThat(stub.received()).hasSize(1);
        assertThat(out.toString()).contains("Code received on WhatsApp: ")
                .contains("2. check(+********3210, ******): Approved[]").contains("Logged in.")
                .doesNotContain(stub.received().get(0).otp());
    }

    @Test
    void aWrongTypedCodeIsNotALogin() {
        int exitCode = run(stubAccount(), typing(() -> "not-the-code"), "login", "--to", "+919876543210", "--ask");

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("WrongCode[attemptsLeft=4]").contains("Not logged in.");
    }

    @Test
    void withKaleyraCredentialsTheCodeMustBeTypedBecauseItGoesToARealPhone() {
        int exitCode = run(stubAccount(), typing(() -> null), "login", "--to", "+919876543210");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "error: with Kaleyra the code goes to a real phone: add --ask to type it in" + System.lineSeparator());
        assertThat(stub.requestCount()).isZero();
    }
}
