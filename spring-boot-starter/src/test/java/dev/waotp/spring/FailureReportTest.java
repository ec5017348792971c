package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** What a developer sees when a property is missing: Boot's report, found through spring.factories. */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTest {
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KaleyraAutoConfiguration.class)
    static class App {}

    @Test
    void aMissingPropertyIsReportedWithoutAStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--waotp.kaleyra.sid=HXAP16XXXXXX97IN",
                "--waotp.kaleyra.business-number=+919876543210", "--waotp.kaleyra.region=IN"))
                .hasRootCauseInstanceOf(WaotpStartupException.class);

        assertThat(output.getOut()).contains("""
                APPLICATION FAILED TO START
                ***************************

                Description:

                The property waotp.kaleyra.api-key is required.

                Action:

                Set waotp.kaleyra.api-key to the API key of your Kaleyra account, for example through the \
                environment variable WAOTP_KALEYRA_APIKEY rather than a file in source control.
                """)
                .doesNotContain("at dev.waotp.")
                .doesNotContain("Application run failed");
    }

    @Test
    void theReadmesPlaceholderWithTheVariableUnsetIsReportedNamingTheVariable(CapturedOutput output) {
        assumeTrue(System.getenv("KALEYRA_API_KEY") == null, "KALEYRA_API_KEY is set where the tests run");
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--waotp.kaleyra.sid=HXAP16XXXXXX97IN",
                "--waotp.kaleyra.api-key=${KALEYRA_API_KEY}", "--waotp.kaleyra.business-number=+919876543210",
                "--waotp.kaleyra.region=IN"))
                .isInstanceOf(WaotpStartupException.class);

        assertThat(output.getOut()).contains("""
                Description:

                The property waotp.kaleyra.api-key is ${KALEYRA_API_KEY}, but KALEYRA_API_KEY is not set.

                Action:

                Set the environment variable KALEYRA_API_KEY (or a property of that name) where the application \
                starts, or change waotp.kaleyra.api-key.
                """);
    }

    @Test
    void aValueOfTheWrongTypeIsReportedByBootsBinderNamingTheProperty(CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--waotp.kaleyra.sid=HXAP16XXXXXX97IN",
                "--waotp.kaleyra.api-key=key", "--waotp.kaleyra.business-number=+919876543210",
                "--waotp.kaleyra.region=MARS")).isNotNull();

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Failed to bind properties under 'waotp.kaleyra.region' to dev.waotp.Region")
                .contains("The following values are valid:")
                .doesNotContain("Application run failed");
    }
}
