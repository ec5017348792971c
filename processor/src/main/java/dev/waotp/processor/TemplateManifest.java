package dev.waotp.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * The account's templates, as Kaleyra's template-list API returns them
 * ({@code GET /v2/<sid>/whatsapp/<waba-id>/message_templates},
 * https://developers.kaleyra.io/docs/whatsapp-message-api-v2-get-templates): one JSON object whose
 * {@code data} holds Meta's template objects
 * (https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates),
 * all pages merged. Only the fields checked are required; any other field, anywhere, is skipped, since
 * Meta adds fields and the file is written by another tool.
 */
final class TemplateManifest {
    private final Path file;
    /** By name, then by language code; sorted, so that messages list them in a stable order. */
    private final Map<String, Map<String, TemplateVersion>> templates;

    private TemplateManifest(Path file, Map<String, Map<String, TemplateVersion>> templates) {
        this.file = file;
        this.templates = templates;
    }

    /** @throws ManifestException naming what is wrong and where, when the file cannot be read or is not a manifest */
    static TemplateManifest read(Path file) throws ManifestException {
        Object root;
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = new JsonFactory().createParser(in)) {
            parser.nextToken();
            root = value(parser);
            if (parser.nextToken() != null) {
                throw new ManifestException("more than one JSON value in the file");
            }
        } catch (ManifestException e) {
            throw e;
        } catch (JacksonIOException e) { // Jackson 3 wraps what the stream threw; its exceptions are unchecked
            throw new ManifestException("cannot be read: " + e.getCause());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ManifestException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ManifestException("cannot be read: " + e);
        }
        Map<String, Map<String, TemplateVersion>> templates = new TreeMap<>();
        List<?> data = list(object(root, "the file"), "data", "the file");
        for (int i = 0; i < data.size(); i++) {
            TemplateVersion version = TemplateVersion.of(object(data.get(i), "data[" + i + "]"), "data[" + i + "]");
            if (templates.computeIfAbsent(version.name(), name -> new TreeMap<>())
                    .put(version.language(), version) != null) {
                throw new ManifestException("data[" + i + "] is a second " + version.name() + " in "
                        + version.language() + ": each name and language is one template version");
            }
        }
        return new TemplateManifest(file, templates);
    }

    /** The file, as the option names it. */
    Path file() {
        return file;
    }

    /** Every template name, sorted. */
    List<String> names() {
        return List.copyOf(templates.keySet());
    }

    /** The versions of the template {@code name} by language code, sorted; empty when there is none. */
    Map<String, TemplateVersion> versions(String name) {
        return templates.getOrDefault(name, Map.of());
    }

    /** A JSON value as maps, lists, strings, numbers, booleans and null: the parser is jackson-core's. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                object.put(field, value(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> array = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(parser));
            }
            return array;
        }
        if (token == null) {
            throw new ManifestException("it is empty");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            default -> null;
        };
    }

    static Map<?, ?> object(Object value, String where) throws ManifestException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ManifestException(where + " is not a JSON object");
    }

    static List<?> list(Map<?, ?> object, String field, String where) throws ManifestException {
        if (object.get(field) instanceof List<?> list) {
            return list;
        }
        throw new ManifestException(where + (object.containsKey(field) ? " has a " + field + " that is not an array"
                : " has no " + field + " array"));
    }

    static String string(Map<?, ?> object, String field, String where) throws ManifestException {
        if (object.get(field) instanceof String string) {
            return string;
        }
        throw new ManifestException(where + (object.containsKey(field) ? "." + field + " is not a string"
                : " has no " + field));
    }

    /** What is wrong with the file, in words; the caller adds the file's name. */
    static final class ManifestException extends IOException {
        private static final long serialVersionUID = 1L;

        ManifestException(String message) {
            super(message);
        }
    }
}
