package dev.waotp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Kaleyra WhatsApp v2 status callback. Two shapes are documented:
 *
 * <ul>
 *   <li>Meta's status object in Kaleyra's wrapper, for {@code sent}, {@code delivered}, {@code read}
 *       and {@code failed}: {@code meta_object.value.statuses[]} with {@code id}, {@code status},
 *       {@code timestamp}, {@code recipient_id} and, on a failure, Meta's {@code errors[]}; beside it
 *       Kaleyra's {@code extra_info} (refs, {@code message_id}, {@code waba_id}, {@code trace_id}) and
 *       a top-level {@code status} and {@code message_id}
 *       (https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-sent);
 *   <li>Kaleyra's own {@code not sent}, which Meta never saw: a top-level {@code code},
 *       {@code status}, {@code reason}, {@code message_id} and {@code extra_info}
 *       (https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-daily-limit-reached).
 * </ul>
 *
 * Fields it does not use are ignored (Kaleyra adds pricing, conversation and tracking fields); the
 * ones it needs are checked: a known status and a message id, and a well-formed time, error and refs
 * where they are present. Duplicate keys are refused, so that no two readers can see two callbacks.
 */
final class DeliveryStatusParser {
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private DeliveryStatusParser() {}

    /** Why a body is not a status callback; the message names a field, never a value. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static List<DeliveryStatus> parse(byte[] body) throws Malformed {
        return parse(read(body));
    }

    /** The body as one JSON object, read strictly; {@link TemplateStatusParser} reads the same tree. */
    static JsonNode read(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        return root;
    }

    static List<DeliveryStatus> parse(JsonNode root) throws Malformed {
        JsonNode extra = root.path("extra_info");
        if (!extra.isMissingNode() && !extra.isObject()) {
            throw new Malformed("extra_info is not an object");
        }
        String messageId = text(root, "message_id");
        if (messageId == null) {
            messageId = text(extra, "extra_info.message_id");
        }
        if (messageId == null || messageId.isBlank()) {
            throw new Malformed("message_id is missing");
        }
        String ref = text(extra, "extra_info.ref");
        String ref1 = text(extra, "extra_info.ref1");
        String ref2 = text(extra, "extra_info.ref2");

        JsonNode metaObject = root.path("meta_object");
        if (metaObject.isMissingNode()) {
            DeliveryState state = state(text(root, "status"), "status");
            return List.of(new DeliveryStatus(state, messageId, null, null, null,
                    code(root.path("code"), "code"), text(root, "reason"), ref, ref1, ref2));
        }
        JsonNode statuses = metaObject.path("value").path("statuses");
        if (!statuses.isArray() || statuses.isEmpty()) {
            throw new Malformed("meta_object.value.statuses is missing or empty");
        }
        List<DeliveryStatus> result = new ArrayList<>(statuses.size());
        for (JsonNode status : statuses) {
            if (!status.isObject()) {
                throw new Malformed("meta_object.value.statuses[] is not an object");
            }
            DeliveryState state = state(text(status, "statuses[].status"), "statuses[].status");
            String errorCode = null;
            String errorTitle = null;
            JsonNode errors = status.path("errors");
            if (!errors.isMissingNode()) {
                if (!errors.isArray() || (!errors.isEmpty() && !errors.get(0).isObject())) {
                    throw new Malformed("statuses[].errors is not an array of objects");
                }
                if (!errors.isEmpty()) {
                    JsonNode error = errors.get(0);
                    errorCode = code(error.path("code"), "statuses[].errors[].code");
                    errorTitle = text(error, "statuses[].errors[].title");
                    if (errorTitle == null) {
                        errorTitle = text(error, "statuses[].errors[].message");
                    }
                }
            }
            result.add(new DeliveryStatus(state, messageId, text(status, "statuses[].id"),
                    text(status, "statuses[].recipient_id"), timestamp(status.path("timestamp")),
                    errorCode, errorTitle, ref, ref1, ref2));
        }
        return List.copyOf(result);
    }

    private static DeliveryState state(@Nullable String status, String field) throws Malformed {
        if (status == null) {
            throw new Malformed(field + " is missing");
        }
        DeliveryState state = DeliveryState.parse(status);
        if (state == null) {
            throw new Malformed(field + " is not sent, delivered, read, failed or not-sent");
        }
        return state;
    }

    /** Meta writes the time as a string of epoch seconds; a number is taken too. */
    private static @Nullable Instant timestamp(JsonNode node) throws Malformed {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String digits = node.isIntegralNumber() ? node.asString() : node.isString() ? node.stringValue().strip() : "";
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Malformed("statuses[].timestamp is not epoch seconds");
        }
        return Instant.ofEpochSecond(Long.parseLong(digits));
    }

    /** Meta's error codes are numbers ({@code 131026}), Kaleyra's text ({@code WAV2101}); both kept as text. */
    private static @Nullable String code(JsonNode node, String field) throws Malformed {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() || node.isString()) {
            return node.asString();
        }
        throw new Malformed(field + " is not a number or a string");
    }

    private static @Nullable String text(JsonNode parent, String field) throws Malformed {
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Malformed(field + " is not a string");
        }
        return node.stringValue();
    }
}
