package dev.waotp.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.health.*} properties of the {@code waotp} health indicator; it is switched off with
 * Boot's own {@code management.health.waotp.enabled=false}. Public for Spring's binder and the IDE
 * metadata only.
 *
 * @param refresh How often the templates' statuses are read from Kaleyra's template list, in the
 *     background; status callbacks passed to TemplateStatuses update them at once in between.
 */
@ConfigurationProperties("waotp.health")
public record HealthProperties(@DefaultValue("10m") Duration refresh) {}
