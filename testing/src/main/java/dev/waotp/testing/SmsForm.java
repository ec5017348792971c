package dev.waotp.testing;

import dev.waotp.testing.PayloadParser.InvalidPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an SMS request body ({@code application/x-www-form-urlencoded}, as Kaleyra's Send OTP SMS
 * page requires) and checks what that page and "Send the First SMS" state: {@code to} (one E.164
 * number), {@code sender}, {@code type} (a route type) and {@code body} are required;
 * {@code template_id} is an integer; India's OTP route needs a {@code template_id}. Stricter than
 * Kaleyra in one way, as the WhatsApp check is: a field neither page names is refused.
 *
 * @see <a href="https://developers.kaleyra.io/docs/send-otp-sms">Kaleyra: Send OTP SMS</a>
 */
final class SmsForm {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    /** The fields the pages name; callbacks and refs are taken, not checked. */
    private static final Set<String> KNOWN = Set.of("to", "sender", "type", "body", "template_id",
            "ref", "ref1", "ref2", "source", "callback", "callback_profile_id");
    /** "Understanding Route Types": OTP and DEFAULT for every account, MKT and TXN when enabled. */
    private static final Set<String> TYPES = Set.of("OTP", "DEFAULT", "MKT", "TXN");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z0-9_]{1,40}");

    private final Map<String, String> fields;

    private SmsForm(Map<String, String> fields) {
        this.fields = fields;
    }

    static SmsForm parse(@Nullable String contentType, String body) throws InvalidPayload {
        if (contentType == null || !contentType.toLowerCase().startsWith(CONTENT_TYPE)) {
            throw new InvalidPayload("Content-Type must be " + CONTENT_TYPE);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.isEmpty() ? new String[0] : body.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!KNOWN.contains(name)) {
                // Named only when it is a plain name: the reason goes into a header.
                throw new InvalidPayload(FIELD_NAME.matcher(name).matches() ? "unknown field " + name : "unknown field");
            }
            // A second "body" could carry another code past the checks.
            if (fields.put(name, value) != null) {
                throw new InvalidPayload("field " + name + " given twice");
            }
        }
        SmsForm form = new SmsForm(fields);
        form.check();
        return form;
    }

    private static String decode(String text) throws InvalidPayload {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayload("body is not form-encoded");
        }
    }

    private void check() throws InvalidPayload {
        if (!PayloadParser.E164.matcher(required("to")).matches()) {
            throw new InvalidPayload("to must be one E.164 number");
        }
        if (required("sender").isBlank()) {
            throw new InvalidPayload("sender is required");
        }
        if (!TYPES.contains(required("type"))) {
            throw new InvalidPayload("type must be one of " + TYPES);
        }
        if (required("body").isBlank()) {
            throw new InvalidPayload("body is required");
        }
        String templateId = fields.get("template_id");
        if (templateId != null && !DIGITS.matcher(templateId).matches()) {
            throw new InvalidPayload("template_id must be an integer");
        }
        if ("OTP".equals(fields.get("type")) && templateId == null && fields.get("to").startsWith("+91")) {
            throw new InvalidPayload("template_id is required for OTP to India (DLT)");
        }
    }

    private String required(String name) throws InvalidPayload {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidPayload(name + " is required");
        }
        return value;
    }

    ReceivedSms received(String messageId) {
        return new ReceivedSms(messageId, fields.get("to"), fields.get("sender"), fields.get("type"),
                fields.get("body"), fields.get("template_id"));
    }
}
