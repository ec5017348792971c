package dev.waotp.spring.test;

import dev.waotp.testing.KaleyraStub;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Stand-ins, in a test context of {@link AutoConfigureKaleyraStub}, for the account's and the secrets' properties
 * that the application leaves unset or sets from a variable that is not set where the tests run (the README's
 * {@code ${KALEYRA_API_KEY}} and {@code ${WAOTP_VERIFY_SECRET}}): the stub takes the account's place, so its own
 * SID, key and number; secrets are random, 32 bytes, new for each context, so that no test depends on one that
 * production might share. A value that resolves is the application's and is kept.
 */
final class KaleyraStubTestProperties implements ContextCustomizerFactory {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each stand-in, made when needed; unset others are left to the starter's checks. */
    private static final Map<String, Supplier<String>> STAND_INS = standIns();

    KaleyraStubTestProperties() {}

    private static Map<String, Supplier<String>> standIns() {
        Map<String, Supplier<String>> standIns = new LinkedHashMap<>();
        standIns.put("waotp.verify.secret", KaleyraStubTestProperties::randomSecret);
        standIns.put("waotp.kaleyra.sid", () -> KaleyraStub.DEFAULT_SID);
        standIns.put("waotp.kaleyra.api-key", () -> KaleyraStub.DEFAULT_API_KEY);
        standIns.put("waotp.kaleyra.business-number", () -> KaleyraStub.DEFAULT_BUSINESS_NUMBER);
        standIns.put("waotp.callbacks.basic.password", KaleyraStubTestProperties::randomSecret);
        standIns.put("waotp.callbacks.bearer-token", KaleyraStubTestProperties::randomSecret);
        standIns.put("waotp.callbacks.header.value", KaleyraStubTestProperties::randomSecret);
        return standIns;
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Equal to every other, so that test contexts are cached as before; the values are made per context. */
    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            Map<String, Object> properties = new LinkedHashMap<>();
            STAND_INS.forEach((name, standIn) -> {
                String value = applicationValue(environment, ConfigurationPropertyName.of(name));
                // The secret is required; the others only stand in for a variable that is not set.
                boolean missing = value == null ? name.equals("waotp.verify.secret")
                        : environment.resolvePlaceholders(value).contains("${");
                if (missing) {
                    properties.put(name, standIn.get());
                }
            });
            if (!properties.isEmpty()) {
                environment.getPropertySources().addFirst(new MapPropertySource("waotpTestStandIns", properties));
            }
        }

        /** The value as the application writes it, placeholders left in: getProperty would throw on them. */
        private static @Nullable String applicationValue(ConfigurableEnvironment environment,
                ConfigurationPropertyName name) {
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty property = source.getConfigurationProperty(name);
                if (property != null && property.getValue() != null) {
                    return property.getValue().toString();
                }
            }
            return null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
