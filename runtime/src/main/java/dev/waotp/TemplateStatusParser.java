package dev.waotp;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads Kaleyra's template-status callback, a flat JSON object whose fields the callback profile names
 * (https://developers.kaleyra.io/docs/template-status-update): {@code message_template_name},
 * {@code message_template_language} and {@code event} are required, {@code reason},
 * {@code message_template_id} (a string on Kaleyra's page, a number in Meta's webhook) and {@code time}
 * are kept when present; {@code id}, {@code callback_profile_id} and {@code company_id} are ignored.
 */
final class TemplateStatusParser {
    /** Meta's statuses are short words with underscores ({@code PENDING_DELETION}); a longer value is not one. */
    private static final int MAX_STATUS_LENGTH = 64;

    private TemplateStatusParser() {}

    /** A template-status callback names a template; a delivery callback never does. */
    static boolean isTemplateStatus(JsonNode root) {
        return root.has("message_template_name");
    }

    static TemplateStatusUpdate parse(JsonNode root) throws DeliveryStatusParser.Malformed {
        String name = required(root, "message_template_name");
        String language = required(root, "message_template_language");
        String status = required(root, "event");
        if (status.length() > MAX_STATUS_LENGTH
                || !status.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) {
            throw new DeliveryStatusParser.Malformed("event is not a template status");
        }
        return new TemplateStatusUpdate(name, language, status, text(root, "reason"),
                id(root.path("message_template_id")), text(root, "time"));
    }

    private static String required(JsonNode root, String field) throws DeliveryStatusParser.Malformed {
        String value = text(root, field);
        if (value == null || value.isBlank()) {
            throw new DeliveryStatusParser.Malformed(field + " is missing");
        }
        return value.strip();
    }

    private static @Nullable String id(JsonNode node) throws DeliveryStatusParser.Malformed {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() || node.isString()) {
            return node.asString();
        }
        throw new DeliveryStatusParser.Malformed("message_template_id is not a number or a string");
    }

    private static @Nullable String text(JsonNode root, String field) throws DeliveryStatusParser.Malformed {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new DeliveryStatusParser.Malformed(field + " is not a string");
        }
        return node.stringValue();
    }
}
