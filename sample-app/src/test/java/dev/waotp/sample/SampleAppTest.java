package dev.waotp.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the command line in-process, as a person would type it. */
class SampleAppTest {
    private final KaleyraStub stub = KaleyraStub.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        stub.close();
    }

    private int run(Map<String, String> env, String... args) {
        return SampleApp.run(args, env, new PrintWriter(out), new PrintWriter(err));
    }

    private Map<String, String> stubAccount() {
        return Map.of(
                "KALEYRA_SID", stub.sid(),
                "KALEYRA_API_KEY", stub.apiKey(),
                "KALEYRA_NUMBER", stub.businessNumber(),
                "KALEYRA_BASE_URL", stub.baseUrl());
    }

    @Test
    void withoutCredentialsItSendsAGeneratedCodeToTheEmbeddedStub() {
        int exitCode = run(Map.of(), "send", "--to", "+919876543210");

        assertThat(exitCode).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("No KALEYRA_* variables set: sending to the embedded Kaleyra stub at http://127.0.0.1:")
                .contains("Sent template auth1 (en_US) to +********3210 with code ****** (generated)")
                .containsPattern("Message id: A[A-Z0-9]{19}");
    }

    @Test
    void withCredentialsItSendsThroughTheInjectedSenderAndNeverPrintsTheCode() {
        int exitCode = run(stubAccount(), "send", "--to", "+919876543210", "--otp", "482913", "--ref", "customer-1");

        assertThat(exitCode).isZero();
        ReceivedMessage received = stub.received().get(0);
        assertThat(received.recipients()).containsExactly("+919876543210");
        assertThat(received.otp()).isEqualTo("482913");
        assertThat(received.ref()).isEqualTo("customer-1");
        assertThat(out.toString())
                .contains("Sending through Kaleyra at " + stub.baseUrl())
                .contains("with code ******" + System.lineSeparator())
                .contains("Message id: " + received.messageId())
                .doesNotContain("482913");
    }

    @Test
    void aGeneratedCodeIsSixRandomDigits() {
        run(stubAccount(), "send", "--to", "+919876543210");
        run(stubAccount(), "send", "--to", "+919876543210");

        assertThat(stub.received()).hasSize(2)
                .allSatisfy(message -> assertThat(message.otp()).matches("[0-9]{6}"));
        assertThat(stub.received().get(0).otp()).isNotEqualTo(stub.received().get(1).otp());
    }

    @Test
    void badInputIsOneLineWithExitCodeOneAndNothingSent() {
        int exitCode = run(stubAccount(), "send", "--to", "98765 43210");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: to[0]: must be E.164: '+' then 8 to 15 digits, the first not 0" + System.lineSeparator());
        assertThat(stub.requestCount()).isZero();
    }

    @Test
    void aKaleyraErrorIsOneLineWithExitCodeOne() {
        Map<String, String> env = new java.util.HashMap<>(stubAccount());
        env.put("KALEYRA_API_KEY", "wrong-key");

        int exitCode = run(env, "send", "--to", "+919876543210", "--otp", "482913");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Kaleyra answered HTTP 401 RBC001: Incorrect SID or API key." + System.lineSeparator());
        assertThat(err.toString() + out).doesNotContain("wrong-key").doesNotContain("482913");
    }

    @Test
    void someButNotAllCredentialsIsAnErrorNamingWhatIsMissing() {
        int exitCode = run(Map.of("KALEYRA_SID", "HXAP16XXXXXX97IN"), "send", "--to", "+919876543210");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: KALEYRA_API_KEY, KALEYRA_NUMBER, KALEYRA_REGION not set");
    }

    @Test
    void aRegionAndABaseUrlTogetherAreAnError() {
        Map<String, String> env = new java.util.HashMap<>(stubAccount());
        env.put("KALEYRA_REGION", "IN");

        assertThat(run(env, "send", "--to", "+919876543210")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: KALEYRA_REGION and KALEYRA_BASE_URL are both set");
        assertThat(stub.requestCount()).isZero();
    }

    @Test
    void anUnknownRegionIsNamed() {
        int exitCode = run(Map.of("KALEYRA_SID", "HXAP16XXXXXX97IN", "KALEYRA_API_KEY", "k",
                "KALEYRA_NUMBER", "+919000000000", "KALEYRA_REGION", "mars"), "send", "--to", "+919876543210");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: KALEYRA_REGION must be one of IN, SG, EU, NA, was mars" + System.lineSeparator());
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndShowsUsage() {
        assertThat(run(Map.of(), "send")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--to=<to>'").contains("Usage: waotp-sample send");
    }
}
