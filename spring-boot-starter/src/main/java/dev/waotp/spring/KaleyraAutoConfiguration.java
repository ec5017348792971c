package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.SendListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The {@link KaleyraClient} from {@code waotp.kaleyra.*} (unless the application defines its own), and a
 * bean of the generated sender for every {@link dev.waotp.AuthTemplate} interface in the application's
 * packages. The client is closed with the context. The {@code waotp.*} properties are checked before any bean
 * is made ({@link PropertyChecks}).
 */
@AutoConfiguration
@EnableConfigurationProperties(KaleyraProperties.class)
@Import({PropertyChecks.class, AutoConfiguredAuthTemplatesRegistrar.class})
public final class KaleyraAutoConfiguration {
    KaleyraAutoConfiguration() {}

    /** The client, shared by every sender bean; it tells every {@link SendListener} bean how each send ended. */
    @Bean
    @ConditionalOnMissingBean
    KaleyraClient kaleyraClient(KaleyraProperties properties, ObjectProvider<SendListener> listeners) {
        return KaleyraClientFactory.create(properties, CompositeSendListener.of(listeners.orderedStream().toList()));
    }

    /**
     * Actuator shows no property values unless told to ({@code management.endpoint.*.show-values}); when
     * it is, this keeps the API key, the verifier's secrets and the callback credentials hidden in
     * {@code configprops} and {@code env}, by name and by value.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretsSanitizing {
        @Bean
        SanitizingFunction waotpSecretsSanitizingFunction(Environment environment) {
            return new SecretsSanitizingFunction(environment);
        }
    }
}
