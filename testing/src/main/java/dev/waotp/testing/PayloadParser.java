package dev.waotp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body the way the Kaleyra page describes it, refusing anything else. Stricter than
 * the real service in two ways, on purpose: unknown fields are refused, so a misspelled optional field
 * fails a test instead of being silently ignored; and refs over 255 characters are refused where
 * Kaleyra would truncate them, as the waotp client refuses them too.
 */
final class PayloadParser {
    private static final int OTP_MAX_LENGTH = 15;
    private static final int REF_MAX_LENGTH = 255;

    /** Shared with {@link KaleyraStub.Builder}, which checks the business numbers it is given. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A second "text" key would let a payload carry two different codes past the OTP check.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The body broke a rule; the message names it without echoing any value. */
    static final class InvalidPayload extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPayload(String reason) {
            super(reason, null, false, false);
        }
    }

    private PayloadParser() {}

    static Payload parse(String json) throws InvalidPayload {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidPayload("body is not well-formed JSON, or repeats a field name");
        }
        object(root, "body");
        onlyKeys(root, "body", Set.of("messaging_object", "extra_info"));

        JsonNode message = object(root.get("messaging_object"), "messaging_object");
        onlyKeys(message, "messaging_object",
                Set.of("messaging_product", "recipient_type", "to", "type", "template"));
        expect(message, "messaging_object", "messaging_product", "whatsapp");
        if (message.has("recipient_type")) {
            expect(message, "messaging_object", "recipient_type", "individual");
        }
        List<String> recipients = recipients(text(message, "messaging_object", "to"));
        // The page defaults an absent type to text, which is not a template message.
        expect(message, "messaging_object", "type", "template");

        JsonNode template = object(message.get("template"), "template");
        onlyKeys(template, "template", Set.of("name", "language", "components"));
        String name = nonEmpty(template, "template", "name");
        JsonNode language = object(template.get("language"), "template.language");
        onlyKeys(language, "template.language", Set.of("code"));
        String languageCode = nonEmpty(language, "template.language", "code");

        JsonNode components = template.get("components");
        if (components == null || !components.isArray() || components.size() != 2) {
            throw new InvalidPayload("template.components must be an array of a body and a button component");
        }
        JsonNode body = component(components, "body");
        JsonNode button = component(components, "button");
        onlyKeys(body, "body component", Set.of("type", "parameters"));
        onlyKeys(button, "button component", Set.of("type", "sub_type", "index", "parameters"));
        String bodyOtp = otpParameter(body, "body component");
        String buttonOtp = otpParameter(button, "button component");
        if (!bodyOtp.equals(buttonOtp)) {
            throw new InvalidPayload("the one-time password must be the same in the body and the button");
        }
        expect(button, "button component", "sub_type", "url");
        JsonNode index = button.get("index");
        if (index == null || !index.isIntegralNumber() || index.asLong() < 0 || index.asLong() > 9) {
            throw new InvalidPayload("button component index must be an integer from 0 to 9");
        }

        JsonNode extra = root.get("extra_info");
        String ref = null;
        String ref1 = null;
        String ref2 = null;
        String waSource = null;
        if (extra != null) {
            object(extra, "extra_info");
            onlyKeys(extra, "extra_info", Set.of("ref", "ref1", "ref2", "wa_source", "callback_profile_id"));
            ref = ref(extra, "ref");
            ref1 = ref(extra, "ref1");
            ref2 = ref(extra, "ref2");
            waSource = extra.has("wa_source") ? text(extra, "extra_info", "wa_source") : null;
        }
        return new Payload(recipients, name, languageCode, bodyOtp, index.intValue(),
                button.get("sub_type").stringValue(), ref, ref1, ref2, waSource);
    }

    private static List<String> recipients(String to) throws InvalidPayload {
        List<String> recipients = new ArrayList<>();
        for (String part : to.split(",", -1)) {
            String number = part.strip();
            if (!E164.matcher(number).matches()) {
                throw new InvalidPayload("messaging_object.to must be E.164 numbers ('+' and 8 to 15 digits),"
                        + " separated by commas");
            }
            recipients.add(number);
        }
        return recipients;
    }

    private static JsonNode component(JsonNode components, String type) throws InvalidPayload {
        JsonNode found = null;
        for (JsonNode component : components) {
            object(component, "template.components[]");
            JsonNode componentType = component.get("type");
            if (componentType != null && componentType.isString() && type.equals(componentType.stringValue())) {
                if (found != null) {
                    throw new InvalidPayload("template.components must have one " + type + " component");
                }
                found = component;
            }
        }
        if (found == null) {
            throw new InvalidPayload("template.components must have a " + type + " component");
        }
        return found;
    }

    private static String otpParameter(JsonNode component, String where) throws InvalidPayload {
        JsonNode parameters = component.get("parameters");
        if (parameters == null || !parameters.isArray() || parameters.size() != 1) {
            throw new InvalidPayload(where + " parameters must be an array of one text parameter");
        }
        JsonNode parameter = object(parameters.get(0), where + " parameter");
        onlyKeys(parameter, where + " parameter", Set.of("type", "text"));
        expect(parameter, where + " parameter", "type", "text");
        String otp = text(parameter, where + " parameter", "text");
        int length = otp.codePointCount(0, otp.length());
        if (length < 1 || length > OTP_MAX_LENGTH) {
            throw new InvalidPayload(where + " one-time password must be 1 to " + OTP_MAX_LENGTH
                    + " characters, was " + length);
        }
        return otp;
    }

    private static String ref(JsonNode extra, String field) throws InvalidPayload {
        if (!extra.has(field)) {
            return null;
        }
        String value = text(extra, "extra_info", field);
        if (value.codePointCount(0, value.length()) > REF_MAX_LENGTH) {
            throw new InvalidPayload("extra_info." + field + " must be at most " + REF_MAX_LENGTH + " characters");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String where) throws InvalidPayload {
        if (node == null || !node.isObject()) {
            throw new InvalidPayload(where + " must be a JSON object");
        }
        return node;
    }

    private static void onlyKeys(JsonNode node, String where, Set<String> allowed) throws InvalidPayload {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidPayload(where + " has an unknown field " + name);
            }
        }
    }

    private static String text(JsonNode node, String where, String field) throws InvalidPayload {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidPayload(where + "." + field + " must be a string");
        }
        return value.stringValue();
    }

    private static String nonEmpty(JsonNode node, String where, String field) throws InvalidPayload {
        String value = text(node, where, field);
        if (value.isBlank()) {
            throw new InvalidPayload(where + "." + field + " must not be empty");
        }
        return value;
    }

    private static void expect(JsonNode node, String where, String field, String expected) throws InvalidPayload {
        if (!expected.equals(text(node, where, field))) {
            throw new InvalidPayload(where + "." + field + " must be \"" + expected + "\"");
        }
    }
}
