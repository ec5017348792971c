package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.SendListener;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@link KaleyraClient} from {@code waotp.kaleyra.*} (unless the application defines its own), and a
 * bean of the generated sender for every {@link dev.waotp.AuthTemplate} interface in the application's
 * packages. The client is closed with the context.
 */
@AutoConfiguration
@EnableConfigurationProperties(KaleyraProperties.class)
@Import(AutoConfiguredAuthTemplatesRegistrar.class)
public final class KaleyraAutoConfiguration {
    /** The client, shared by every sender bean; it tells every {@link SendListener} bean how each send ended. */
    @Bean
    @ConditionalOnMissingBean
    KaleyraClient kaleyraClient(KaleyraProperties properties, ObjectProvider<SendListener> listeners) {
        return KaleyraClientFactory.create(properties, CompositeSendListener.of(listeners.orderedStream().toList()));
    }

    /**
     * Actuator shows no property values unless told to ({@code management.endpoint.*.show-values}); when
     * it is, this keeps the API key, the verifier's secret and the callback credentials hidden in {@code configprops} and
     * {@code env}, whatever form their names take there (api-key, apiKey, WAOTP_KALEYRA_APIKEY).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretsSanitizing {
        private static final Set<String> SECRETS = Set.of("waotpkaleyraapikey", "waotpverifysecret",
                "waotpcallbacksbasicpassword", "waotpcallbacksbearertoken", "waotpcallbacksheadervalue");

        @Bean
        SanitizingFunction waotpSecretsSanitizingFunction() {
            return SanitizingFunction.sanitizeValue().ifKeyMatches(key -> SECRETS.contains(
                    key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")));
        }
    }
}
