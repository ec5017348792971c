package dev.waotp.spring;

import dev.waotp.KaleyraApiException;
import dev.waotp.KaleyraException;
import dev.waotp.SendListener;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Counts and times sends in Micrometer: {@code waotp.sends} by template, language, outcome
 * ({@code sent} or {@code failed}), Kaleyra code and exception, and the {@code waotp.send} timer by
 * template, language and outcome. Tags hold only the template and what Kaleyra answered, never a phone
 * number, code or key, so that their number stays small and nothing personal leaves.
 */
final class SendMetrics implements SendListener {
    static final String SENDS = "waotp.sends";
    static final String SEND_TIMER = "waotp.send";
    private static final String NONE = "none";

    private final MeterRegistry registry;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
        record(template, "sent", result.code(), NONE, elapsed);
    }

    @Override
    public void failed(TemplateSpec template, KaleyraException error, Duration elapsed) {
        String code = error instanceof KaleyraApiException api ? api.code() : null;
        record(template, "failed", code, error.getClass().getSimpleName(), elapsed);
    }

    private void record(TemplateSpec template, String outcome, @Nullable String code, String exception,
            Duration elapsed) {
        Tags tags = Tags.of("template", template.name(), "lang", template.lang(), "outcome", outcome);
        Counter.builder(SENDS)
                .description("Sends of authentication templates, after their last attempt")
                .tags(tags.and("code", code == null ? NONE : code, "exception", exception))
                .register(registry)
                .increment();
        Timer.builder(SEND_TIMER)
                .description("Time per send, every attempt and wait included")
                .tags(tags)
                .register(registry)
                .record(elapsed);
    }
}
