package dev.waotp;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One template of the account, as Kaleyra's template list returns it: Meta's message template object
 * (<a href="https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/">Meta's
 * reference</a>). A template is one name in one language; the same name in another language is
 * another template.
 *
 * @param name the template's name
 * @param language its language code, for example {@code en_US}
 * @param status Meta's review state, for example {@code APPROVED}, {@code PAUSED}, {@code DISABLED} or
 *     {@code REJECTED}; kept as text, since Meta adds states
 * @param category for example {@code AUTHENTICATION}; {@code null} when the answer had none
 * @param buttons the buttons of its {@code BUTTONS} component, in order; empty when it has none
 * @param json the template object exactly as the answer held it, unknown fields included, as compact
 *     JSON: for tools that must keep everything the account says
 */
public record MessageTemplate(String name, String language, String status, @Nullable String category,
        List<TemplateButton> buttons, String json) {
    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        buttons = List.copyOf(buttons);
        Objects.requireNonNull(json, "json");
    }
}
