package dev.waotp.spring;

import dev.waotp.DeliveryListener;
import dev.waotp.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;

/**
 * Counts delivery statuses in Micrometer: {@code waotp.deliveries} by {@code status} ({@code sent},
 * {@code delivered}, {@code read}, {@code failed}, {@code not-sent}) and {@code error} (Meta's error
 * code of a failure, Kaleyra's code of a not-sent, else {@code none}). Never a phone number or a
 * message id. A code of a form neither Meta nor Kaleyra uses counts as {@code other}, so that
 * whoever can post to the endpoint cannot make tags without end.
 */
final class DeliveryMetrics implements DeliveryListener {
    static final String DELIVERIES = "waotp.deliveries";
    private static final Pattern CODE = Pattern.compile("[0-9]{1,7}|[A-Z][A-Z0-9]{1,11}");

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onStatus(DeliveryStatus status) {
        String code = status.errorCode();
        Counter.builder(DELIVERIES)
                .description("Delivery statuses Kaleyra reported, duplicates included")
                .tag("status", status.state().wireValue())
                .tag("error", code == null ? "none" : CODE.matcher(code).matches() ? code : "other")
                .register(registry)
                .increment();
    }
}
