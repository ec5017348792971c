package dev.waotp.spring;

import dev.waotp.KaleyraApiException;
import dev.waotp.KaleyraException;
import dev.waotp.SendListener;
import dev.waotp.SendResult;
import dev.waotp.SmsType;
import dev.waotp.TemplateSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Counts and times sends in Micrometer: {@code waotp.sends} by channel ({@code whatsapp} or
 * {@code sms}), template, language, outcome ({@code sent} or {@code failed}), Kaleyra code and
 * exception, and the {@code waotp.send} timer by channel, template, language and outcome. An SMS has
 * no template: its template and language tags are {@code none}, so that every meter of a name has the
 * same tag keys, as Prometheus requires. Tags hold only the template and what Kaleyra answered, never a phone
 * number, code or key, so that their number stays small and nothing personal leaves.
 */
final class SendMetrics implements SendListener {
    static final String SENDS = "waotp.sends";
    static final String SEND_TIMER = "waotp.send";
    private static final String NONE = "none";
    private static final String WHATSAPP = "whatsapp";
    private static final String SMS = "sms";

    private final MeterRegistry registry;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
        record(WHATSAPP, template.name(), template.lang(), "sent", result.code(), NONE, elapsed);
    }

    @Override
    public void failed(TemplateSpec template, KaleyraException error, Duration elapsed) {
        String code = error instanceof KaleyraApiException api ? api.code() : null;
        record(WHATSAPP, template.name(), template.lang(), "failed", code, error.getClass().getSimpleName(), elapsed);
    }

    @Override
    public void smsSent(SmsType type, SendResult result, Duration elapsed) {
        record(SMS, NONE, NONE, "sent", result.code(), NONE, elapsed);
    }

    @Override
    public void smsFailed(SmsType type, KaleyraException error, Duration elapsed) {
        String code = error instanceof KaleyraApiException api ? api.code() : null;
        record(SMS, NONE, NONE, "failed", code, error.getClass().getSimpleName(), elapsed);
    }

    private void record(String channel, String template, String lang, String outcome, @Nullable String code,
            String exception, Duration elapsed) {
        Tags tags = Tags.of("channel", channel, "template", template, "lang", lang, "outcome", outcome);
        Counter.builder(SENDS)
                .description("Sends of one-time passwords, after their last attempt")
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
