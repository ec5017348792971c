package dev.waotp.testing;

import dev.waotp.DeliveryState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes status callbacks field for field and in the order of Kaleyra's samples:
 * {@code sent}/{@code delivered}/{@code read}/{@code failed} as on
 * https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-sent (Meta's status object,
 * with Meta's {@code errors} on a failure, inside Kaleyra's wrapper), {@code not sent} as on
 * https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-daily-limit-reached.
 * The ids have the pages' forms: a {@code wamid.} id for the message, 32 hex digits for Meta's status
 * id, and none equals the send's id, as on the pages.
 */
final class CallbackPayloads {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WABA_ID = "123456789012345";

    private CallbackPayloads() {}

    static String body(ReceivedMessage message, String recipient, DeliveryState state, DeliveryOutcome outcome,
            Instant at) {
        String wamid = "wamid." + Base64.getEncoder().encodeToString(
                (message.messageId() + ":" + recipient).getBytes(StandardCharsets.UTF_8));
        ObjectNode root = MAPPER.createObjectNode();
        if (state == DeliveryState.NOT_SENT) {
            root.put("code", outcome.errorCode());
            root.put("status", "not sent");
            root.put("reason", outcome.errorTitle());
            root.put("message_id", wamid);
            extraInfo(root.putObject("extra_info"), message, wamid, false);
            return root.toString();
        }
        ObjectNode metaObject = root.putObject("meta_object");
        ObjectNode value = metaObject.putObject("value");
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", message.businessNumber().substring(1));
        metadata.put("phone_number_id", "104" + digits(message.businessNumber(), 12));
        ArrayNode statuses = value.putArray("statuses");
        ObjectNode status = statuses.addObject();
        status.put("id", hex32(wamid));
        status.put("status", state.wireValue());
        status.put("timestamp", Long.toString(at.getEpochSecond()));
        status.put("recipient_id", recipient.substring(1));
        if (state == DeliveryState.FAILED) {
            ArrayNode errors = status.putArray("errors");
            ObjectNode error = errors.addObject();
            error.put("code", Integer.parseInt(outcome.errorCode()));
            error.put("title", outcome.errorTitle());
        } else {
            ObjectNode conversation = status.putObject("conversation");
            conversation.put("id", hex32(wamid + ":conversation"));
            if (state == DeliveryState.SENT) {
                conversation.put("expiration_timestamp", Long.toString(at.getEpochSecond() + 86_400));
            }
            conversation.putObject("origin").put("type", "authentication");
            ObjectNode pricing = status.putObject("pricing");
            pricing.put("billable", true);
            pricing.put("pricing_model", "Conversation-Based Pricing");
            pricing.put("category", "authentication");
        }
        metaObject.put("field", "messages");
        extraInfo(root.putObject("extra_info"), message, wamid, true);
        root.put("status", state.wireValue());
        root.put("message_id", wamid);
        return root.toString();
    }

    private static void extraInfo(ObjectNode extra, ReceivedMessage message, String wamid, boolean traceId) {
        if (traceId) {
            extra.put("trace_id", UUID.nameUUIDFromBytes(wamid.getBytes(StandardCharsets.UTF_8)).toString());
        }
        extra.put("message_id", wamid);
        extra.put("waba_id", WABA_ID);
        if (message.ref() != null) {
            extra.put("ref", message.ref());
        }
        if (message.ref1() != null) {
            extra.put("ref1", message.ref1());
        }
        if (message.ref2() != null) {
            extra.put("ref2", message.ref2());
        }
        extra.put("enable_url_tracking_body", false);
        extra.put("enable_url_tracking_button", false);
    }

    private static String hex32(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digits(String number, int count) {
        String digits = number.substring(1) + "000000000000";
        return digits.substring(0, count);
    }
}
