package dev.waotp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template's new status, as Kaleyra's template-status callback reports it: Meta approved, rejected,
 * disabled or paused a message template. Kaleyra's callback profile for it
 * (https://developers.kaleyra.io/docs/template-status-update) posts Meta's values under Meta's names
 * ({@code message_template_name}, {@code message_template_language}, {@code event}, {@code reason},
 * {@code message_template_id}), as in Meta's {@code message_template_status_update} webhook
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update).
 *
 * @param name the template's name, {@code message_template_name}
 * @param language the template's language, {@code message_template_language}, for example {@code en_US}
 * @param status the new status as Meta spells it ({@code event}): {@code APPROVED}, {@code REJECTED},
 *     {@code PAUSED}, {@code DISABLED}, ...
 * @param reason Meta's reason ({@code NONE} on an approval); {@code null} when the callback had none
 * @param templateId Meta's template id; {@code null} when the callback had none
 * @param time the callback's {@code time}, as sent (the page promises no format); {@code null} when absent
 */
public record TemplateStatusUpdate(
        String name,
        String language,
        String status,
        @Nullable String reason,
        @Nullable String templateId,
        @Nullable String time) {
    /** Checks that name, language and status are present. */
    public TemplateStatusUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
    }
}
