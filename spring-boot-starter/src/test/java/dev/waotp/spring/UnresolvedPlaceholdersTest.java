package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.waotp.KaleyraClient;
import dev.waotp.spring.app.TestApplication;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The README's {@code waotp.kaleyra.api-key=${KALEYRA_API_KEY}} with the variable unset: Spring Boot's
 * binder would pass the text {@code ${KALEYRA_API_KEY}} on as the key; the starter stops instead.
 */
class UnresolvedPlaceholdersTest extends StubbedKaleyra {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET);

    @BeforeAll
    static void variablesAreUnset() {
        for (String variable : new String[] {"KALEYRA_API_KEY", "WAOTP_VERIFY_SECRET", "KALEYRA_SID_SUFFIX",
            "KALEYRA_READ_TIMEOUT"}) {
            assumeTrue(System.getenv(variable) == null, variable + " is set where the tests run");
        }
    }

    @Test
    void anUnsetVariableForTheApiKeyStopsTheStartUpNamingIt() {
        runner.withPropertyValues("waotp.kaleyra.api-key=${KALEYRA_API_KEY}")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.api-key is ${KALEYRA_API_KEY}, but KALEYRA_API_KEY is not set.",
                        "Set the environment variable KALEYRA_API_KEY (or a property of that name) where the"
                                + " application starts, or change waotp.kaleyra.api-key."));
    }

    @Test
    void anUnsetVariableForTheSecretIsReportedAsSuchNotAsItsLength() {
        runner.withPropertyValues("waotp.verify.secret=${WAOTP_VERIFY_SECRET}")
                .run(context -> assertThat(assertAnalysis(context,
                        "The property waotp.verify.secret is ${WAOTP_VERIFY_SECRET}, but WAOTP_VERIFY_SECRET is not"
                                + " set.",
                        "Set the environment variable WAOTP_VERIFY_SECRET (or a property of that name) where the"
                                + " application starts, or change waotp.verify.secret.").getDescription())
                        .doesNotContain("bytes"));
    }

    @Test
    void aPlaceholderInsideAValueIsNamedWithoutTheRestOfTheValue() {
        runner.withPropertyValues("waotp.kaleyra.sid=HXAP16${KALEYRA_SID_SUFFIX}")
                .run(context -> {
                    FailureAnalysis analysis = assertAnalysis(context,
                            "The property waotp.kaleyra.sid refers to ${KALEYRA_SID_SUFFIX}, but KALEYRA_SID_SUFFIX is"
                                    + " not set.",
                            "Set the environment variable KALEYRA_SID_SUFFIX (or a property of that name) where the"
                                    + " application starts, or change waotp.kaleyra.sid.");
                    assertThat(analysis.getDescription()).doesNotContain("HXAP16");
                });
    }

    @Test
    void aPlaceholderInADurationIsNamedBeforeBindingFailsOnIt() {
        runner.withPropertyValues("waotp.kaleyra.read-timeout=${KALEYRA_READ_TIMEOUT}")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.read-timeout is ${KALEYRA_READ_TIMEOUT}, but"
                                + " KALEYRA_READ_TIMEOUT is not set.",
                        "Set the environment variable KALEYRA_READ_TIMEOUT (or a property of that name) where the"
                                + " application starts, or change waotp.kaleyra.read-timeout."));
    }

    @Test
    void placeholdersThatResolveAreUsed() {
        runner.withPropertyValues("waotp.kaleyra.read-timeout=${KALEYRA_READ_TIMEOUT:7s}",
                "read.deadline=12s", "waotp.kaleyra.deadline=${read.deadline}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KaleyraClient.class).deadline()).isEqualTo(Duration.ofSeconds(12));
                });
    }
}
