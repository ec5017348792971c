package dev.waotp.spring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code waotp} health: each template the application sends with, and its status as last heard
 * ({@link TemplateStatuses}). DOWN when one of them cannot be sent: Meta paused, disabled or rejected
 * it, it is being deleted, or the account's list no longer has it ({@code NOT_FOUND}). UNKNOWN until
 * a status is known for each. Reads memory only, so a health check never waits for Kaleyra; the
 * statuses are read from Kaleyra in the background ({@link TemplateStatusRefresher}).
 */
final class TemplateHealthIndicator implements HealthIndicator {
    static final String NOT_FOUND = "NOT_FOUND";
    private static final String UNKNOWN = "UNKNOWN";
    /** Meta's statuses of a template that cannot be sent. */
    private static final Set<String> UNSENDABLE =
            Set.of("PAUSED", "DISABLED", "REJECTED", "DELETED", "PENDING_DELETION", NOT_FOUND);

    private final TemplateStatuses statuses;

    TemplateHealthIndicator(TemplateStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        Instant refreshed = statuses.refreshed();
        Map<String, String> details = new LinkedHashMap<>();
        boolean down = false;
        boolean unknown = false;
        for (TemplateKey template : statuses.declared()) {
            String status = statuses.status(template.name(), template.lang());
            if (status == null) {
                status = refreshed == null ? UNKNOWN : NOT_FOUND;
            }
            details.put(template.toString(), status);
            down |= UNSENDABLE.contains(status);
            unknown |= status.equals(UNKNOWN);
        }
        Health.Builder health = down ? Health.down() : unknown ? Health.unknown() : Health.up();
        health.withDetail("templates", details);
        if (refreshed != null) {
            health.withDetail("refreshed", refreshed.toString());
        }
        String error = statuses.error();
        if (error != null) {
            health.withDetail("error", error);
        }
        return health.build();
    }
}
