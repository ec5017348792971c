package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * An unknown {@code waotp.*} key through a real {@link SpringApplication}, from each place a Boot application reads
 * properties: its YAML file, a system property, the command line. Boot's report names the key and where it was set.
 */
@ExtendWith(OutputCaptureExtension.class)
class PropertyChecksStartUpTest {
    private static final String MISSPELT = "waotp.kaleyra.callback-profil-id";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KaleyraAutoConfiguration.class)
    static class App {}

    @Test
    void aMisspeltKeyInApplicationYamlIsReportedWithItsLine(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path yaml = Files.writeString(dir.resolve("application.yml"), """
                waotp:
                  kaleyra:
                    sid: HXAP16XXXXXX97IN
                    callback-profil-id: cbp-123
                """);

        assertThatThrownBy(() -> application().run("--spring.config.location=" + yaml.toUri()))
                .isInstanceOf(WaotpStartupException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .containsPattern("The property " + MISSPELT + " \\(.*application\\.yml\\] - 4:[0-9]+\\) is not a waotp"
                        + " property, so Spring Boot would ignore it\\.")
                .contains("Did you mean waotp.kaleyra.callback-profile-id? Correct the name, or remove the property.")
                .doesNotContain("cbp-123")
                .doesNotContain("Application run failed");
    }

    @Test
    void aMisspeltSystemPropertyIsReported(CapturedOutput output) {
        System.setProperty(MISSPELT, "cbp-123");
        try {
            assertThatThrownBy(() -> application().run()).isInstanceOf(WaotpStartupException.class);
        } finally {
            System.clearProperty(MISSPELT);
        }
        assertThat(output.getOut()).contains("The property " + MISSPELT + " (a system property) is not a waotp"
                + " property, so Spring Boot would ignore it.");
    }

    @Test
    void aMisspeltCommandLineArgumentIsReportedBeforeTheMissingOnes(CapturedOutput output) {
        assertThatThrownBy(() -> application().run("--" + MISSPELT + "=cbp-123"))
                .isInstanceOf(WaotpStartupException.class);

        assertThat(output.getOut()).contains("The property " + MISSPELT + " (a command-line argument) is not a waotp"
                        + " property, so Spring Boot would ignore it.")
                .doesNotContain("waotp.kaleyra.sid is required");
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }
}
