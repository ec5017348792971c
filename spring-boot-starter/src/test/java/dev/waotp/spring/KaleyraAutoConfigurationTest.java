package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KaleyraAutoConfigurationTest {
    static final String[] REQUIRED = {
        "waotp.kaleyra.sid=HXAP16XXXXXX97IN",
        "waotp.kaleyra.api-key=test-api-key",
        "waotp.kaleyra.business-number=+919876543210",
        "waotp.kaleyra.region=IN",
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class));

    @Test
    void buildsTheClientFromTheProperties() {
        runner.withPropertyValues(REQUIRED)
                .withPropertyValues("waotp.kaleyra.retry.max-attempts=5", "waotp.kaleyra.retry.initial-backoff=50ms",
                        "waotp.kaleyra.retry.max-backoff=1s", "waotp.kaleyra.retry.retry-unconfirmed=false",
                        "waotp.kaleyra.deadline=12s")
                .run(context -> {
                    KaleyraClient client = context.getBean(KaleyraClient.class);
                    assertThat(client.sid()).isEqualTo("HXAP16XXXXXX97IN");
                    assertThat(client.businessNumber()).isEqualTo("+919876543210");
                    assertThat(client.baseUrl()).contains("in.kaleyra.io");
                    assertThat(client.retryPolicy().maxAttempts()).isEqualTo(5);
                    assertThat(client.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(50));
                    assertThat(client.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(client.retryPolicy().retryUnconfirmed()).isFalse();
                    assertThat(client.deadline()).isEqualTo(Duration.ofSeconds(12));
                });
    }

    @Test
    void aBaseUrlReplacesTheRegion() {
        runner.withPropertyValues(REQUIRED[0], REQUIRED[1], REQUIRED[2], "waotp.kaleyra.base-url=http://127.0.0.1:9")
                .run(context -> assertThat(context.getBean(KaleyraClient.class).baseUrl())
                        .isEqualTo("http://127.0.0.1:9/"));
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwnClient() {
        runner.withUserConfiguration(OwnClient.class)
                .run(context -> assertThat(context).hasNotFailed()
                        .getBean(KaleyraClient.class).isSameAs(context.getBean(OwnClient.class).client));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        waotp.kaleyra.sid             | The property waotp.kaleyra.sid is required.             | Set waotp.kaleyra.sid to the SID of your Kaleyra account, shown beside the API key on kaleyra.io.
        waotp.kaleyra.api-key         | The property waotp.kaleyra.api-key is required.         | Set waotp.kaleyra.api-key to the API key of your Kaleyra account, for example through the environment variable WAOTP_KALEYRA_APIKEY rather than a file in source control.
        waotp.kaleyra.business-number | The property waotp.kaleyra.business-number is required. | Set waotp.kaleyra.business-number to the WhatsApp business number registered with Kaleyra, in E.164 form such as +919876543210.
        waotp.kaleyra.region          | The property waotp.kaleyra.region is required, or waotp.kaleyra.base-url for a local stub. | Set waotp.kaleyra.region to the region of your Kaleyra account (IN, SG, EU or NA), or waotp.kaleyra.base-url to the address of a local stub.
        """)
    void aMissingPropertyStopsTheStartUpNamingItAndTheFix(String missing, String description, String action) {
        String[] others = java.util.Arrays.stream(REQUIRED).filter(p -> !p.startsWith(missing + "=")).toArray(String[]::new);
        runner.withPropertyValues(others).run(context -> assertAnalysis(context, description, action));
    }

    @Test
    void regionAndBaseUrlTogetherStopTheStartUp() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("waotp.kaleyra.base-url=http://127.0.0.1:9")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.base-url cannot be set together with waotp.kaleyra.region.",
                        "Set either waotp.kaleyra.region or waotp.kaleyra.base-url, not both; a base-url must use"
                                + " https, or http to a loopback address such as a local stub."));
    }

    @Test
    void anInvalidValueIsNamedWithTheRuleItBreaks() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("waotp.kaleyra.business-number=919876543210")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.business-number must be E.164: '+' then 8 to 15 digits,"
                                + " the first not 0.",
                        "Set waotp.kaleyra.business-number to the WhatsApp business number registered with Kaleyra,"
                                + " in E.164 form such as +919876543210."));
    }

    @Test
    void anInvalidApiKeyIsNamedButNeverShown() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("waotp.kaleyra.api-key=s3cret value")
                .run(context -> {
                    FailureAnalysis analysis = assertAnalysis(context,
                            "The property waotp.kaleyra.api-key must be printable ASCII without spaces.",
                            "Set waotp.kaleyra.api-key to the API key of your Kaleyra account, for example through"
                                    + " the environment variable WAOTP_KALEYRA_APIKEY rather than a file in source control.");
                    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cret");
                });
    }

    @Test
    void aRetrySettingOutOfRangeIsNamedWithItsFullName() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("waotp.kaleyra.retry.max-attempts=11")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.retry.max-attempts must be 1 to 10, was 11.",
                        "Correct waotp.kaleyra.retry.max-attempts in the application's configuration."));
    }

    @Test
    void aNonPositiveTimeoutIsNamedWithItsFullName() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("waotp.kaleyra.read-timeout=0s")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.read-timeout must be positive.",
                        "Correct waotp.kaleyra.read-timeout in the application's configuration."));
    }

    /** Analyses the start-up failure as Spring Boot would, and checks the words it would print. */
    static FailureAnalysis assertAnalysis(ApplicationContextAssertProvider<?> context, String description, String action) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new WaotpFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(description);
        assertThat(analysis.getAction()).isEqualTo(action);
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        final KaleyraClient client = KaleyraClient.builder().sid("OWN1").apiKey("own-key")
                .businessNumber("+919876543210").baseUrl("http://127.0.0.1:9").build();

        @Bean
        KaleyraClient ownClient() {
            return client;
        }
    }
}
