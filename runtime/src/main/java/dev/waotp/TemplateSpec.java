package dev.waotp;

import java.util.Objects;

/**
 * One approved authentication template: its name, language, the index of its one-time-password
 * button and the {@code wa_source} to report. Generated senders hold one as a constant.
 */
public final class TemplateSpec {
    private final String name;
    private final String language;
    private final int buttonIndex;
    private final WaSource source;
    /** Built on first use; a race only builds an equal shape twice, and its fields are final. */
    private final PayloadShape[] shapes = new PayloadShape[PayloadShape.COMBINATIONS];

    private TemplateSpec(String name, String language, int buttonIndex, WaSource source) {
        this.name = InputRules.templateName(name);
        this.language = InputRules.languageCode(language);
        this.buttonIndex = InputRules.buttonIndex(buttonIndex);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A template whose button is at index 0, sent with {@code wa_source} {@code api}. */
    public static TemplateSpec of(String name, String language) {
        return new TemplateSpec(name, language, 0, WaSource.API);
    }

    public static TemplateSpec of(String name, String language, int buttonIndex, WaSource source) {
        return new TemplateSpec(name, language, buttonIndex, source);
    }

    public String name() {
        return name;
    }

    public String language() {
        return language;
    }

    public int buttonIndex() {
        return buttonIndex;
    }

    public WaSource source() {
        return source;
    }

    /** The payload's constant bytes for this template, with the refs {@code refs} says are set. */
    PayloadShape shape(int refs) {
        PayloadShape shape = shapes[refs];
        if (shape == null) {
            shape = PayloadShape.of(this, refs);
            shapes[refs] = shape;
        }
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateSpec other
                && name.equals(other.name)
                && language.equals(other.language)
                && buttonIndex == other.buttonIndex
                && source == other.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, language, buttonIndex, source);
    }

    @Override
    public String toString() {
        return name + "/" + language + " (button " + buttonIndex + ", source " + source.wireValue() + ")";
    }
}
