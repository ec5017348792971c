package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpointWebExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring Boot 4 hides every value in {@code configprops} and {@code env} by default
 * ({@code show-values=never}); with {@code show-values=always} it hides only what a
 * {@link SanitizingFunction} matches, and has no built-in rule for names ending in "key". The starter's
 * function keeps the API key hidden then too.
 */
class SecretsSanitizingTest {
    private static final String HIDDEN = SanitizableData.SANITIZED_VALUE;
    private static final String API_KEY = "Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ";
    private static final String SECRET = StubbedKaleyra.SECRET;
    private static final String OLD_SECRET = "the-previous-secret-0123456789-abcdef";
    private static final String CALLBACK_TOKEN = "callback-bearer-token-5f1c2e";

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
        "waotp.verify.secret", "WAOTP_VERIFY_SECRET", "waotp.verify.previous-secrets[1]",
        "WAOTP_VERIFY_PREVIOUSSECRETS_0", "waotp.callbacks.basic.password", "WAOTP_CALLBACKS_BASIC_PASSWORD",
        "waotp.callbacks.bearer-token", "waotp.callbacks.bearerToken", "waotp.callbacks.header.value"})
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
        runner.run(context -> assertThat(context.getBean(KaleyraProperties.class).toString())
                .contains("HXAP16XXXXXX97IN").doesNotContain("test-api-key"));
        VerifierProperties verifier = new Binder(new MapConfigurationPropertySource(Map.of("waotp.verify.secret",
                SECRET, "waotp.verify.previous-secrets[0]", OLD_SECRET))).bind("waotp.verify", VerifierProperties.class)
                .get();
        assertThat(verifier.toString()).contains("previousSecrets=1").doesNotContain(SECRET).doesNotContain(OLD_SECRET);
    }

    @Test
    void envHidesTheVariableTheApiKeyIsReadFromAndEveryOtherCopyOfTheSecrets() {
        envEndpoint(KaleyraAutoConfiguration.class, EndpointAutoConfiguration.class,
                EnvironmentEndpointAutoConfiguration.class).withPropertyValues("waotp.verify.secret=${APP_SECRET}",
                "waotp.verify.previous-secrets[0]=${OLD_SECRET}", "waotp.callbacks.bearer-token=${CALLBACK_TOKEN}",
                "other.url=https://x.test/?key=" + API_KEY)
                .run(context -> {
                    EnvironmentEndpointWebExtension env = context.getBean(EnvironmentEndpointWebExtension.class);
                    assertThat(env.environmentEntry(SecurityContext.NONE, "KALEYRA_API_KEY").getBody()
                            .getProperty().getValue()).isEqualTo(HIDDEN);
                    Map<String, Object> shown = values(env.environment(SecurityContext.NONE, null));
                    assertThat(shown).containsEntry("systemEnvironment:KALEYRA_API_KEY", HIDDEN)
                            .containsEntry("systemEnvironment:APP_SECRET", HIDDEN)
                            .containsEntry("systemEnvironment:OLD_SECRET", HIDDEN)
                            .containsEntry("systemEnvironment:CALLBACK_TOKEN", HIDDEN)
                            .containsEntry("test:other.url", HIDDEN)
                            .containsEntry("test:waotp.kaleyra.api-key", HIDDEN)
                            .containsEntry("systemEnvironment:KALEYRA_REGION", "IN");
                    assertThat(shown.values()).noneMatch(value -> String.valueOf(value).contains(API_KEY)
                            || String.valueOf(value).contains(SECRET) || String.valueOf(value).contains(OLD_SECRET));
                });
    }

    @Test
    void withoutTheStartersFunctionEnvWouldShowTheVariable() {
        envEndpoint(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class).run(context -> assertThat(values(context.getBean(EnvironmentEndpointWebExtension.class)
                        .environment(SecurityContext.NONE, null)))
                        .containsEntry("systemEnvironment:KALEYRA_API_KEY", API_KEY));
    }

    @Test
    void withoutActuatorThereIsNoFunction() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("waotpSecretsSanitizingFunction"));
    }

    /**
     * Actuator's env endpoint with values shown, over an environment whose variables hold the secrets (as
     * {@code export KALEYRA_API_KEY=...} would) and properties that read them, as the README says to.
     */
    private static ApplicationContextRunner envEndpoint(Class<?>... autoConfigurations) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("KALEYRA_API_KEY", API_KEY,
                                "APP_SECRET", SECRET, "OLD_SECRET", OLD_SECRET, "CALLBACK_TOKEN", CALLBACK_TOKEN,
                                "KALEYRA_REGION", "IN"))))
                .withPropertyValues("management.endpoints.web.exposure.include=env",
                        "management.endpoint.env.show-values=always", "waotp.kaleyra.sid=HXAP16XXXXXX97IN",
                        "waotp.kaleyra.api-key=${KALEYRA_API_KEY}", "waotp.kaleyra.region=${KALEYRA_REGION}",
                        "waotp.kaleyra.business-number=+919876543210");
    }

    /** Every value the endpoint shows, by property source and name. */
    private static Map<String, Object> values(EnvironmentDescriptor environment) {
        Map<String, Object> values = new HashMap<>();
        environment.getPropertySources().forEach(source -> source.getProperties().forEach((name, value) ->
                values.put(source.getName() + ":" + name, value.getValue())));
        return values;
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
