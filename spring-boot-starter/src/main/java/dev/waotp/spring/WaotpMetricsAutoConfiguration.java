package dev.waotp.spring;

import dev.waotp.DeliveryListener;
import dev.waotp.SendListener;
import dev.waotp.verify.VerificationListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Micrometer and a {@link MeterRegistry} bean, sends are counted and timed through a
 * {@link SendListener} the client picks up, and verifications counted through a
 * {@link VerificationListener} the verifier picks up. Ordered after Spring Boot's metrics auto-configuration,
 * which provides the registry.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class WaotpMetricsAutoConfiguration {
    /** Counts and times every send of the auto-configured client. */
    @Bean
    SendListener waotpSendMetrics(MeterRegistry registry) {
        return new SendMetrics(registry);
    }

    /** Counts the delivery statuses the callback endpoint accepts ({@link CallbackAutoConfiguration}). */
    @Bean
    DeliveryListener waotpDeliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }

    /** With {@code waotp-verify}, counts the auto-configured verifier's starts, checks and refusals. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(VerificationListener.class)
    static class Verification {
        @Bean
        VerificationListener waotpVerificationMetrics(MeterRegistry registry) {
            return new VerificationMetrics(registry);
        }
    }
}
