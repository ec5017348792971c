package dev.waotp.spring.test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * A verifier secret for a test context of {@link AutoConfigureKaleyraStub} whose application sets none, or sets
 * it from a variable that is not set where the tests run (the README's {@code ${WAOTP_VERIFY_SECRET}}): random,
 * 32 bytes, new for each context, so no test depends on a secret that production might share. A secret that
 * resolves is the application's and is kept.
 */
final class KaleyraStubTestSecret implements ContextCustomizerFactory {
    private static final ConfigurationPropertyName SECRET = ConfigurationPropertyName.of("waotp.verify.secret");
    private static final SecureRandom RANDOM = new SecureRandom();

    KaleyraStubTestSecret() {}

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Equal to every other, so that test contexts are cached as before; the secret is made per context. */
    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            String secret = applicationSecret(environment);
            if (secret == null || environment.resolvePlaceholders(secret).contains("${")) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                environment.getPropertySources().addFirst(new MapPropertySource("waotpTestSecret",
                        Map.of(SECRET.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(random))));
            }
        }

        /** The secret as the application writes it, placeholders left in: getProperty would throw on them. */
        private static @Nullable String applicationSecret(ConfigurableEnvironment environment) {
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty property = source.getConfigurationProperty(SECRET);
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
