package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Spring Boot 4 hides every value in {@code configprops} and {@code env} by default
 * ({@code show-values=never}); with {@code show-values=always} it hides only what a
 * {@link SanitizingFunction} matches, and has no built-in rule for names ending in "key". The starter's
 * function keeps the API key hidden then too.
 */
class SecretsSanitizingTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class))
            .withPropertyValues(REQUIRED);

    @Test
    void configpropsShowsTheSettingsButNotTheApiKey() {
        runner.run(context -> {
            ConfigurationPropertiesBeanDescriptor kaleyra = kaleyraProperties(context,
                    context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
            assertThat(kaleyra.getProperties()).containsEntry("sid", "HXAP16XXXXXX97IN")
                    .containsEntry("apiKey", SanitizableData.SANITIZED_VALUE);
            assertThat(kaleyra.getInputs().get("apiKey"))
                    .isEqualTo(Map.of("value", SanitizableData.SANITIZED_VALUE, "origin", "\"waotp.kaleyra.api-key\" from property source \"test\""));
        });
    }

    @Test
    void withoutTheStartersFunctionBootWouldShowTheKey() {
        runner.run(context -> assertThat(kaleyraProperties(context, List.of(), Show.ALWAYS).getProperties())
                .containsEntry("apiKey", "test-api-key"));
    }

    @Test
    void bootsDefaultHidesEveryValue() {
        runner.run(context -> assertThat(kaleyraProperties(context, List.of(), Show.NEVER).getProperties())
                .containsEntry("apiKey", SanitizableData.SANITIZED_VALUE)
                .containsEntry("sid", SanitizableData.SANITIZED_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"waotp.kaleyra.api-key", "waotp.kaleyra.apiKey", "WAOTP_KALEYRA_APIKEY",
        "waotp.verify.secret", "WAOTP_VERIFY_SECRET", "waotp.callbacks.basic.password",
        "WAOTP_CALLBACKS_BASIC_PASSWORD", "waotp.callbacks.bearer-token", "waotp.callbacks.bearerToken",
        "waotp.callbacks.header.value"})
    void everyFormOfTheSecretsNamesIsHidden(String key) {
        runner.run(context -> assertThat(sanitize(context, key)).isEqualTo(SanitizableData.SANITIZED_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"waotp.kaleyra.sid", "waotp.kaleyra.business-number", "other.api-key",
        "waotp.callbacks.basic.username", "waotp.callbacks.header.name", "waotp.callbacks.path"})
    void otherNamesAreShown(String key) {
        runner.run(context -> assertThat(sanitize(context, key)).isEqualTo("value"));
    }

    @Test
    void thePropertiesNeverPrintTheSecrets() {
        runner.withPropertyValues("waotp.verify.secret=" + StubbedKaleyra.SECRET).run(context -> {
            assertThat(context.getBean(KaleyraProperties.class).toString()).contains("HXAP16XXXXXX97IN")
                    .doesNotContain("test-api-key");
            assertThat(new VerifyProperties(StubbedKaleyra.SECRET, null, null, null, null, null, null, null, null,
                    null).toString()).doesNotContain(StubbedKaleyra.SECRET);
        });
    }

    @Test
    void withoutActuatorThereIsNoFunction() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("waotpSecretsSanitizingFunction"));
    }

    private static Object sanitize(ApplicationContext context, String key) {
        return context.getBean(SanitizingFunction.class).applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue();
    }

    private static ConfigurationPropertiesBeanDescriptor kaleyraProperties(ApplicationContext context,
            List<SanitizingFunction> functions, Show show) {
        ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(functions, show);
        endpoint.setApplicationContext(context);
        return endpoint.configurationPropertiesWithPrefix("waotp.kaleyra").getContexts().values().iterator().next()
                .getBeans().values().iterator().next();
    }
}
