package dev.waotp.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's template list the stub serves at {@code GET /v2/<sid>/whatsapp/<waba-id>/message_templates}
 * (<a href="https://developers.kaleyra.io/docs/whatsapp-template-api-v2-get-templates">Kaleyra, Get
 * Templates</a>): Meta's template objects under {@code data}, in the order they were added, a page at a
 * time with Graph API cursor paging (<a href="https://developers.facebook.com/docs/graph-api/results">Meta,
 * Paginated Results</a>): {@code paging.cursors} always, {@code paging.next} only when a page follows.
 * Statuses may change while the stub runs, as Meta changes them. Thread-safe.
 */
final class StubTemplates {
    /** A template given with anything after its JSON is refused, not read up to there. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final int pageSize;
    /** Insertion order is the list's order; guarded by {@code this}. */
    private final Map<ApprovedTemplate, ObjectNode> templates = new LinkedHashMap<>();

    StubTemplates(List<ObjectNode> templates, int pageSize) {
        this.pageSize = pageSize;
        for (ObjectNode template : templates) {
            this.templates.put(key(template), template.deepCopy());
        }
    }

    /** Meta's shape of an approved authentication template with a copy-code button; ids count from 1. */
    static ObjectNode authentication(String name, String lang, int index) {
        ObjectNode template = MAPPER.createObjectNode().put("name", name);
        ArrayNode components = template.putArray("components");
        components.addObject().put("type", "BODY").put("text", "*{{1}}* is your verification code.");
        components.addObject().put("type", "BUTTONS").putArray("buttons").addObject()
                .put("type", "OTP").put("text", "Copy code").put("otp_type", "COPY_CODE");
        return template.put("language", lang).put("status", "APPROVED").put("category", "AUTHENTICATION")
                .put("id", String.valueOf(1_000_000_000_000L + index));
    }

    /** @throws IllegalArgumentException when {@code json} is not a template object with name, language and status */
    static ObjectNode parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("template must be a JSON object: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("template must be a JSON object");
        }
        for (String field : List.of("name", "language", "status")) {
            if (!object.path(field).isString() || object.path(field).stringValue().isBlank()) {
                throw new IllegalArgumentException("template must have a \"" + field + "\" string");
            }
        }
        return object;
    }

    static ApprovedTemplate key(JsonNode template) {
        return new ApprovedTemplate(template.path("name").asString(), template.path("language").asString());
    }

    /** @return whether the stub lists that template */
    synchronized boolean setStatus(String name, String lang, String status) {
        ObjectNode template = templates.get(new ApprovedTemplate(name, lang));
        if (template == null) {
            return false;
        }
        template.put("status", status);
        return true;
    }

    /** One page, from the cursor in {@code after} (none: the first). */
    MockResponse page(HttpUrl url) {
        String after = url.queryParameter("after");
        int from = 0;
        if (after != null) {
            Integer offset = offset(after);
            if (offset == null) {
                return Answers.badPayload("unknown paging cursor");
            }
            from = offset;
        }
        List<ObjectNode> all;
        synchronized (this) {
            all = new ArrayList<>(templates.values().size());
            templates.values().forEach(t -> all.add(t.deepCopy()));
        }
        int to = Math.min(from + pageSize, all.size());
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        all.subList(Math.min(from, to), to).forEach(data::add);
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", cursor(from)).put("after", cursor(to));
        if (to < all.size()) {
            paging.put("next", url.newBuilder().setQueryParameter("after", cursor(to)).build().toString());
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(answer.toString()).build();
    }

    /** The list is read only: Kaleyra's create-template POST is not part of the stub. */
    static MockResponse getOnly() {
        return new MockResponse.Builder().code(405).setHeader("Allow", "GET").build();
    }

    /** Opaque to clients, as Meta's are: the offset, Base64-encoded. */
    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private @Nullable Integer offset(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int offset = text.startsWith("offset:") ? Integer.parseInt(text.substring("offset:".length())) : -1;
            return offset >= 0 ? offset : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
