package dev.waotp.processor;

import dev.waotp.processor.TemplateManifest.ManifestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One template version of the manifest, a (name, language) pair, with the facts the processor checks.
 *
 * @param buttons the {@code type} of each button of the {@code BUTTONS} component, in order: the
 *     index of a button is its position here
 */
record TemplateVersion(String name, String language, String status, String category, List<String> buttons) {

    TemplateVersion {
        buttons = List.copyOf(buttons);
    }

    /** Reads Meta's template object {@code object}, found at {@code where} in the file. */
    static TemplateVersion of(Map<?, ?> object, String where) throws ManifestException {
        List<String> buttons = new ArrayList<>();
        // A template with no buttons may come without components; Meta returns them, but nothing requires it.
        List<?> components = object.containsKey("components")
                ? TemplateManifest.list(object, "components", where) : List.of();
        for (int i = 0; i < components.size(); i++) {
            String component = where + ".components[" + i + "]";
            Map<?, ?> fields = TemplateManifest.object(components.get(i), component);
            if (!TemplateManifest.string(fields, "type", component).equalsIgnoreCase("BUTTONS")) {
                continue;
            }
            List<?> list = TemplateManifest.list(fields, "buttons", component);
            for (int j = 0; j < list.size(); j++) {
                String button = component + ".buttons[" + j + "]";
                buttons.add(TemplateManifest.string(TemplateManifest.object(list.get(j), button), "type", button));
            }
        }
        return new TemplateVersion(
                TemplateManifest.string(object, "name", where),
                TemplateManifest.string(object, "language", where),
                TemplateManifest.string(object, "status", where),
                TemplateManifest.string(object, "category", where),
                buttons);
    }
}
