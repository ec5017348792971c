package dev.waotp.spring;

import dev.waotp.CallbackHandler;
import dev.waotp.DeliveryListener;
import dev.waotp.TemplateStatusListener;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * In a servlet web application with {@code waotp.callbacks.path} set, mounts the endpoint Kaleyra
 * posts delivery status callbacks to, and hands each accepted status to every
 * {@link DeliveryListener} bean, in their order. Kaleyra's template-status callbacks, when their callback
 * profile posts to the same path with the same credentials, go to every {@link TemplateStatusListener}
 * bean (the {@code waotp} health indicator has one). Without credentials in {@code waotp.callbacks.*}
 * (and without {@code waotp.callbacks.open=true}) the application does not start.
 *
 * <p>Every accepted callback reaches the listeners, a duplicate too: Kaleyra may post a status twice
 * and out of order, so listeners must be idempotent (see {@link DeliveryListener}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "waotp.callbacks", name = "path")
@EnableConfigurationProperties(CallbackProperties.class)
public final class CallbackAutoConfiguration {
    /**
     * The framework-free handler, with every {@link DeliveryListener} and {@link TemplateStatusListener}
     * bean; replace it with your own bean.
     */
    @Bean
    @ConditionalOnMissingBean
    CallbackHandler waotpCallbackHandler(CallbackProperties properties, ObjectProvider<DeliveryListener> listeners,
            ObjectProvider<TemplateStatusListener> templateStatusListeners) {
        return CallbackHandlerFactory.create(properties, listeners.orderedStream().toList(),
                templateStatusListeners.orderedStream().toList());
    }

    /** {@code POST <waotp.callbacks.path>} to the handler. */
    @Bean
    RouterFunction<ServerResponse> waotpCallbackEndpoint(CallbackProperties properties, CallbackHandler handler) {
        return CallbackEndpoint.routes(Objects.requireNonNull(properties.path()), handler);
    }

    /**
     * On embedded Tomcat: a refused callback's connection is closed without its body being read, so a
     * client without credentials cannot hold a request thread with a slow body (see
     * {@link RefusedCallbackValve}). Other requests, and {@code server.tomcat.max-swallow-size}, are
     * left as they are.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ValveBase",
        "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory",
        "org.springframework.boot.web.server.WebServerFactoryCustomizer"})
    static class OnTomcat {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> waotpRefusedCallbackValve() {
            return factory -> factory.addEngineValves(new RefusedCallbackValve());
        }
    }
}
