package dev.waotp;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One page of the template list: Meta's edge answer, {@code {"data": [...], "paging": {...}}}, that
 * Kaleyra passes on (<a href="https://developers.kaleyra.io/docs/whatsapp-template-api-v2-get-templates">Kaleyra,
 * Get Templates</a>). Paging is Graph API cursor paging
 * (<a href="https://developers.facebook.com/docs/graph-api/results">Meta, Paginated Results</a>):
 * {@code paging.next} is there only when another page follows, and {@code paging.cursors.after} is the
 * cursor to ask for it with. The {@code next} URL itself is never followed: it could name another host,
 * and the request would carry the API key there.
 *
 * @param after the cursor of the next page; {@code null} on the last page
 */
record TemplatePage(List<MessageTemplate> templates, @Nullable String after) {

    /** @throws KaleyraException when the answer is not a template list */
    static TemplatePage parse(ObjectMapper mapper, byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new KaleyraException("Kaleyra's template list answer is not JSON");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new KaleyraException("Kaleyra's template list answer has no \"data\" array");
        }
        List<MessageTemplate> templates = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            templates.add(template(mapper, data.get(i), i));
        }
        return new TemplatePage(templates, after(root.get("paging")));
    }

    private static MessageTemplate template(ObjectMapper mapper, JsonNode node, int index) {
        if (!node.isObject()) {
            throw new KaleyraException("entry " + index + " of Kaleyra's template list is not an object");
        }
        String json;
        try {
            json = mapper.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new KaleyraException("entry " + index + " of Kaleyra's template list cannot be written back", e);
        }
        return new MessageTemplate(required(node, "name", index), required(node, "language", index),
                required(node, "status", index), text(node, "category"), buttons(node.get("components")), json);
    }

    private static String required(JsonNode node, String field, int index) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new KaleyraException("entry " + index + " of Kaleyra's template list has no \"" + field + "\"");
        }
        return value;
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static List<TemplateButton> buttons(@Nullable JsonNode components) {
        List<TemplateButton> buttons = new ArrayList<>();
        if (components == null || !components.isArray()) {
            return buttons;
        }
        for (JsonNode component : components) {
            JsonNode list = component.get("buttons");
            if (!"BUTTONS".equalsIgnoreCase(text(component, "type")) || list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode button : list) {
                String type = text(button, "type");
                if (type != null) {
                    buttons.add(new TemplateButton(type, text(button, "text"), text(button, "otp_type")));
                }
            }
        }
        return buttons;
    }

    /** The cursor of the next page, from {@code cursors.after} or else from the {@code next} URL's query. */
    private static @Nullable String after(@Nullable JsonNode paging) {
        String next = text(paging, "next");
        if (next == null || next.isEmpty()) {
            return null;
        }
        String after = text(paging.get("cursors"), "after");
        if (after == null || after.isEmpty()) {
            HttpUrl url = HttpUrl.parse(next);
            after = url == null ? null : url.queryParameter("after");
        }
        if (after == null || after.isEmpty()) {
            throw new KaleyraException("Kaleyra's template list says another page follows but gives no cursor for it");
        }
        return after;
    }
}
