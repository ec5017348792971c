package dev.waotp.maven;

import dev.waotp.MessageTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the manifest: {@code {"data": [...]}}, the account's template objects with every field they
 * came with, sorted by name then language (by UTF-16 code unit, not by locale), keys sorted, two-space
 * indent, {@code \n} line ends and a final newline, UTF-8. The same templates always give the same
 * bytes, whatever the order of the pages or of the fields Kaleyra sent, so the file's diff in a pull
 * request is what changed in the account.
 *
 * <p>Formatting is done here rather than by Jackson's pretty printer, whose spacing differs between
 * versions ({@code "a" : 1}, {@code [ ]}); numbers keep the digits they were sent with.
 */
final class ManifestWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 1.50 stays 1.50
            .build();
    private static final Comparator<MessageTemplate> ORDER =
            Comparator.comparing(MessageTemplate::name).thenComparing(MessageTemplate::language);

    private ManifestWriter() {}

    static byte[] write(List<MessageTemplate> templates) {
        List<MessageTemplate> sorted = new ArrayList<>(templates);
        sorted.sort(ORDER);
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"data\": [");
        for (int i = 0; i < sorted.size(); i++) {
            out.append(i == 0 ? "\n    " : ",\n    ");
            value(out, parse(sorted.get(i)), 2);
        }
        out.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(MessageTemplate template) {
        try {
            return MAPPER.readTree(template.json());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("template " + template.name() + " is not JSON", e);
        }
    }

    private static void value(StringBuilder out, JsonNode node, int depth) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(Comparator.naturalOrder());
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
                string(out, names.get(i));
                out.append(": ");
                value(out, node.get(names.get(i)), depth + 1);
            }
            close(out, names.isEmpty(), depth, '}');
        } else if (node.isArray()) {
            out.append('[');
            int i = 0;
            for (JsonNode element : node.values()) {
                out.append(i++ == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
                value(out, element, depth + 1);
            }
            close(out, node.isEmpty(), depth, ']');
        } else if (node.isString()) {
            string(out, node.stringValue());
        } else {
            out.append(node); // numbers, booleans and null: Jackson writes them as JSON
        }
    }

    private static void close(StringBuilder out, boolean empty, int depth, char bracket) {
        if (!empty) {
            out.append('\n').append("  ".repeat(depth));
        }
        out.append(bracket);
    }

    private static void string(StringBuilder out, String text) {
        out.append(MAPPER.writeValueAsString(text));
    }
}
