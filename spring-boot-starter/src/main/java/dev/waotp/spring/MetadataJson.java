package dev.waotp.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON of Spring Boot's configuration metadata into maps, lists, strings and booleans (numbers stay
 * text). The starter cannot count on a JSON library: the application chooses its Jackson, if any, and Boot's
 * own BasicJsonParser reads the elements of a list of objects after the first as text.
 */
final class MetadataJson {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String text;
    private int at;

    private MetadataJson(String text) {
        this.text = text;
    }

    /**
     * The value {@code text} holds.
     *
     * @throws IllegalArgumentException when it is not JSON
     */
    static @Nullable Object parse(String text) {
        MetadataJson reader = new MetadataJson(text);
        try {
            Object value = reader.value();
            reader.space();
            if (reader.at != text.length()) {
                throw reader.error("text after the value");
            }
            return value;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw reader.error("an incomplete value");
        }
    }

    private @Nullable Object value() {
        space();
        return switch (text.charAt(at)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            default -> literal();
        };
    }

    private Map<String, @Nullable Object> object() {
        at++;
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        space();
        if (text.charAt(at) == '}') {
            at++;
            return object;
        }
        do {
            space();
            String key = string();
            space();
            expect(':');
            object.put(key, value());
            space();
        } while (comma());
        expect('}');
        return object;
    }

    private List<@Nullable Object> array() {
        at++;
        List<@Nullable Object> array = new ArrayList<>();
        space();
        if (text.charAt(at) == ']') {
            at++;
            return array;
        }
        do {
            array.add(value());
            space();
        } while (comma());
        expect(']');
        return array;
    }

    private String string() {
        expect('"');
        StringBuilder string = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c != '\\') {
                string.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'u' -> {
                    string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                case 'b' -> string.append('\b');
                case 'f' -> string.append('\f');
                case 'n' -> string.append('\n');
                case 'r' -> string.append('\r');
                case 't' -> string.append('\t');
                default -> string.append(escaped);
            }
        }
        return string.toString();
    }

    private @Nullable Object literal() {
        int start = at;
        while (at < text.length() && ",:]} \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                if (!NUMBER.matcher(word).matches()) {
                    throw error("'" + word + "'");
                }
                yield word;
            }
        };
    }

    private boolean comma() {
        if (at < text.length() && text.charAt(at) == ',') {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw error("'" + text.charAt(at) + "' where '" + c + "' belongs");
        }
        at++;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not JSON: " + what + " at character " + at);
    }
}
