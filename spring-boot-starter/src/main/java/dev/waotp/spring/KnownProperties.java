package dev.waotp.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Every {@code waotp.*} property there is, read from the configuration metadata that Boot's processor generates
 * from the properties classes (the file IDEs complete from). Read from the file rather than the classes, so that
 * {@code waotp.verify.*} is known in an application without waotp-verify, whose classes the verifier's
 * properties name.
 */
final class KnownProperties {
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String PREFIX = "waotp.";
    private static final Logger LOG = LoggerFactory.getLogger(KnownProperties.class);

    /** A known name; a list or map property takes keys below it ({@code [0]}, {@code .key}). */
    private record Known(String text, ConfigurationPropertyName name, String uniform, boolean takesKeys) {}

    private final List<Known> names;

    private KnownProperties(List<Known> names) {
        this.names = names;
    }

    static KnownProperties load(ClassLoader loader) {
        List<Known> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(METADATA))) {
                String json;
                try (InputStream in = url.openStream()) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                // Most metadata on the class path is Boot's own; only ours is parsed.
                if (json.contains("\"" + PREFIX)) {
                    try {
                        read(json, names);
                    } catch (IllegalArgumentException e) {
                        // A check of names must not stop an application that would otherwise start.
                        LOG.warn("waotp: could not read {}, so its properties count as unknown: {}", url,
                                e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + METADATA, e);
        }
        names.sort(Comparator.comparing(Known::text));
        return new KnownProperties(List.copyOf(names));
    }

    private static void read(String json, List<Known> names) {
        if (!(MetadataJson.parse(json) instanceof Map<?, ?> metadata)
                || !(metadata.get("properties") instanceof List<?> properties)) {
            return;
        }
        for (Object property : properties) {
            if (property instanceof Map<?, ?> fields && fields.get("name") instanceof String text
                    && text.startsWith(PREFIX)) {
                String type = fields.get("type") instanceof String t ? t : "";
                ConfigurationPropertyName name = ConfigurationPropertyName.of(text);
                names.add(new Known(text, name, uniform(name), takesKeys(type)));
            }
        }
    }

    private static boolean takesKeys(String type) {
        return type.startsWith("java.util.List") || type.startsWith("java.util.Set")
                || type.startsWith("java.util.Collection") || type.startsWith("java.util.Map") || type.endsWith("[]");
    }

    /** Whether the metadata was found at all; without it every key would look unknown. */
    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Whether Boot binds {@code name} to a waotp property: the same name in any form, or a key of a list or map. */
    boolean contains(ConfigurationPropertyName name) {
        for (Known known : names) {
            if (known.name().equals(name) || (known.takesKeys() && known.name().isAncestorOf(name))) {
                return true;
            }
        }
        return false;
    }

    /** The known name nearest to {@code name}, compared without case, dashes or indexes. */
    String nearest(ConfigurationPropertyName name) {
        String target = uniform(name);
        Known nearest = names.get(0);
        int distance = Integer.MAX_VALUE;
        for (Known known : names) {
            int d = EditDistance.between(target, known.uniform());
            if (d < distance) {
                nearest = known;
                distance = d;
            }
        }
        return nearest.text();
    }

    /** How {@code known} is written as an environment variable: {@code WAOTP_KALEYRA_APIKEY}. */
    static String environmentVariable(String known) {
        return known.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String uniform(ConfigurationPropertyName name) {
        StringBuilder uniform = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (!name.isNumericIndex(i)) {
                uniform.append(uniform.isEmpty() ? "" : ".").append(name.getElement(i, Form.UNIFORM));
            }
        }
        return uniform.toString();
    }

    @Override
    public String toString() {
        return "KnownProperties{" + names.size() + " names}";
    }
}
