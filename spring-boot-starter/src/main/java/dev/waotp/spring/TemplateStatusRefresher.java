package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Reads the account's template list into {@link TemplateStatuses} on a thread of its own, at start
 * and then every {@code waotp.health.refresh}: never on a request's thread, so neither a send nor a
 * health check waits for it. A failed read keeps the last known statuses and records why; nothing is
 * thrown.
 */
final class TemplateStatusRefresher implements InitializingBean, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TemplateStatusRefresher.class);

    private final KaleyraClient client;
    private final TemplateStatuses statuses;
    private final Duration every;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread refresher = new Thread(task, "waotp-template-status");
        refresher.setDaemon(true);
        return refresher;
    });

    TemplateStatusRefresher(KaleyraClient client, TemplateStatuses statuses, Duration every) {
        this.client = client;
        this.statuses = statuses;
        this.every = every;
    }

    @Override
    public void afterPropertiesSet() {
        if (client.wabaId() == null) {
            statuses.refreshFailed("waotp.kaleyra.waba-id is not set, so template statuses are not read from Kaleyra");
            return;
        }
        thread.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One read of the list; package-private so that tests need not wait for the schedule. */
    void refresh() {
        Instant started = statuses.now();
        try {
            statuses.refreshed(client.templates(), started);
        } catch (RuntimeException e) { // a closed client, Kaleyra's refusal or no answer: all only reported
            log.warn("Could not read the template statuses from Kaleyra: {}", e.getMessage());
            statuses.refreshFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
