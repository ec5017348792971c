package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.TemplateStatusListener;
import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code waotp} health indicator: the status of every template the application sends with, read
 * from Kaleyra in the background every {@code waotp.health.refresh} (the client needs
 * {@code waotp.kaleyra.waba-id}) and updated at once through {@link TemplateStatuses#update}: by
 * Kaleyra's template-status callbacks when they reach the callback endpoint
 * ({@link CallbackAutoConfiguration}).
 */
@AutoConfiguration(after = KaleyraAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(KaleyraClient.class)
@ConditionalOnEnabledHealthIndicator("waotp")
@EnableConfigurationProperties(HealthProperties.class)
public final class WaotpHealthAutoConfiguration {
    /** Of the templates the application sends with, found when it is made: every bean is defined by then. */
    @Bean
    TemplateStatuses templateStatuses(ListableBeanFactory beans) {
        return new TemplateStatuses(RegisteredTemplates.in(beans));
    }

    @Bean
    TemplateStatusRefresher waotpTemplateStatusRefresher(KaleyraClient client, TemplateStatuses statuses,
            HealthProperties properties) {
        Duration refresh = properties.refresh();
        if (refresh.isNegative() || refresh.isZero()) {
            throw new WaotpStartupException("waotp.health.refresh must be positive, was " + refresh,
                    "Set waotp.health.refresh to how often template statuses are read, for example 10m.", null);
        }
        return new TemplateStatusRefresher(client, statuses, refresh);
    }

    /** Kaleyra's template-status callbacks, accepted by the callback endpoint, update the statuses at once. */
    @Bean
    TemplateStatusListener waotpTemplateStatusCallbacks(TemplateStatuses statuses) {
        return update -> statuses.update(update.name(), update.language(), update.status());
    }

    /** Named {@code waotp} in the health endpoint (Boot drops the {@code HealthIndicator} suffix). */
    @Bean
    HealthIndicator waotpHealthIndicator(TemplateStatuses statuses) {
        return new TemplateHealthIndicator(statuses);
    }
}
