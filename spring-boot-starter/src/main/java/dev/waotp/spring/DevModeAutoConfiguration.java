package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.SendListener;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.StubCallbacks;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Dev mode ({@code waotp.dev.enabled=true}): the embedded Kaleyra stub runs inside the application, the
 * client bean sends to it, and the start-up log says where to read the codes it received; with
 * {@code waotp.callbacks.path} set, the stub posts delivery callbacks to that endpoint
 * ({@link DevModeCallbacks}); numbers listed in {@code waotp.dev.numbers.*} fail ({@link DevModeNumbers}).
 * Refused when a real API key is set, so that a forgotten switch never swallows production messages. The
 * stub is the {@link KaleyraStub} bean {@code waotpDevStub}: inject it to read what it received or to inject
 * faults, or define a {@code KaleyraStub} bean of your own to replace it.
 */
@AutoConfiguration(before = KaleyraAutoConfiguration.class)
@ConditionalOnClass(KaleyraStub.class)
@ConditionalOnProperty(prefix = "waotp.dev", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DevModeProperties.class)
@Import(PropertyChecks.class)
public final class DevModeAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DevModeAutoConfiguration.class);

    /** Creates the auto-configuration; Spring Boot does. */
    public DevModeAutoConfiguration() {}

    /** The stub, closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KaleyraStub waotpDevStub(ListableBeanFactory beans, Environment environment, DevModeProperties properties) {
        // A placeholder whose variable is not set is no key: the account is not there.
        String apiKey = Binder.get(environment).bind("waotp.kaleyra.api-key", String.class).orElse("");
        if (!apiKey.isBlank() && !apiKey.contains("${")) {
            throw new WaotpStartupException("waotp.dev.enabled is true while waotp.kaleyra.api-key is set: dev mode"
                    + " would send to an embedded stub, not to the Kaleyra account the key belongs to.",
                    "Remove waotp.dev.enabled (or set it to false) to send through Kaleyra; or unset"
                            + " waotp.kaleyra.api-key to develop against the embedded stub.", null);
        }
        Optional<StubCallbacks> callbacks = DevModeCallbacks.of(environment, properties.numbers());
        DevModeNumbers.check(properties.numbers(), callbacks.isPresent());
        KaleyraStub.Builder builder = KaleyraStub.builder();
        callbacks.ifPresent(builder::callbacks);
        DevModeNumbers.refuse(properties.numbers(), builder);
        KaleyraStub stub = EmbeddedStubs.start(beans, builder);
        DevModeNumbers.log(properties.numbers());
        LOG.warn("waotp dev mode: WhatsApp messages go to an embedded Kaleyra stub at {}, not to Kaleyra."
                + " Read the codes it received at GET {} of this application.", stub.baseUrl(),
                properties.messagesPath());
        return stub;
    }

    /** The client, sending to the stub. */
    @Bean
    @ConditionalOnMissingBean
    KaleyraClient kaleyraClient(KaleyraStub stub, ObjectProvider<SendListener> listeners) {
        return EmbeddedStubs.client(stub, listeners);
    }

    /** The page that lists what the stub received, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    static class Messages {
        @Bean
        DevMessagesController waotpDevMessagesController(KaleyraStub stub, Environment environment) {
            return new DevMessagesController(stub, DevMessagesController.smsCode(environment));
        }
    }
}
