package dev.waotp;

import java.util.Objects;

/**
 * One approved authentication template: its name, language, the index of its one-time-password
 * button and the {@code wa_source} to report. Generated senders hold one as a constant.
 */
public final class TemplateSpec {
    private final String name;
    private final String lang;
    private final int buttonIndex;
    private final WaSource source;
    /** Built on first use; a race only builds an equal shape twice, and its fields are final. */
    private final PayloadShape[] shapes = new PayloadShape[PayloadShape.COMBINATIONS];

    private TemplateSpec(String name, String lang, int buttonIndex, WaSource source) {
        this.name = InputRules.templateName(name);
        this.lang = InputRules.languageCode(lang);
        this.buttonIndex = InputRules.buttonIndex(buttonIndex);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A template whose button is at index 0, sent with {@code wa_source} {@code api}. */
    public static TemplateSpec of(String name, String lang) {
        return new TemplateSpec(name, lang, 0, WaSource.API);
    }

    /** A template as {@link AuthTemplate} describes it; generated senders call this. */
    public static TemplateSpec of(String name, String lang, int buttonIndex, WaSource source) {
        return new TemplateSpec(name, lang, buttonIndex, source);
    }

    /** The approved template name, {@code messaging_object.template.name}. */
    public String name() {
        return name;
    }

    /** The language and locale code, {@code template.language.code}, for example {@code en_US}. */
    public String lang() {
        return lang;
    }

    /** The index of the one-time-password button, 0 to 9. */
    public int buttonIndex() {
        return buttonIndex;
    }

    /** Sent as {@code extra_info.wa_source}. */
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
                && lang.equals(other.lang)
                && buttonIndex == other.buttonIndex
                && source == other.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, lang, buttonIndex, source);
    }

    @Override
    public String toString() {
        return name + "/" + lang + " (button " + buttonIndex + ", source " + source.wireValue() + ")";
    }
}
