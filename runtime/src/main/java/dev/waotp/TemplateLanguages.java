package dev.waotp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The versions of one template, one {@link TemplateSpec} per language, and the choice of one per send.
 * Generated senders of templates with a {@link Lang @Lang} parameter hold one as a constant.
 */
public final class TemplateLanguages {
    private final TemplateSpec first;
    private final Map<String, TemplateSpec> byCode;
    /** Said in every refusal; language codes are not secret. */
    private final String declared;

    private TemplateLanguages(List<TemplateSpec> specs) {
        this.first = specs.get(0);
        Map<String, TemplateSpec> map = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (TemplateSpec spec : specs) {
            if (!spec.name().equals(first.name())) {
                throw new IllegalArgumentException("the versions of one template share its name, but "
                        + first.name() + " is given with " + spec.name());
            }
            if (map.put(spec.lang(), spec) != null) {
                throw new IllegalArgumentException(first.name() + " is given twice in language " + spec.lang());
            }
            codes.add(spec.lang());
        }
        this.byCode = Map.copyOf(map);
        this.declared = String.join(", ", codes);
    }

    /** The versions of one template; {@code first} is the one a {@link Locale} falls back to. */
    public static TemplateLanguages of(TemplateSpec first, TemplateSpec... more) {
        List<TemplateSpec> specs = new ArrayList<>(1 + more.length);
        specs.add(Objects.requireNonNull(first, "first"));
        for (TemplateSpec spec : more) {
            specs.add(Objects.requireNonNull(spec, "more"));
        }
        return new TemplateLanguages(specs);
    }

    /**
     * The version in exactly this language code.
     *
     * @throws InvalidInputException ({@code lang}) when {@code code} is null or not a declared language
     */
    public TemplateSpec forCode(String code) {
        if (code == null) {
            throw new InvalidInputException("lang", "is required: one of " + declared);
        }
        TemplateSpec spec = byCode.get(code);
        if (spec == null) {
            throw new InvalidInputException("lang", "must be one of the template's languages: " + declared);
        }
        return spec;
    }

    /**
     * The version for {@code locale}: its language and country if declared ({@code hi_IN}), else its
     * language alone ({@code hi}), else the first declared language.
     *
     * @throws InvalidInputException ({@code lang}) when {@code locale} is null
     */
    public TemplateSpec forLocale(Locale locale) {
        if (locale == null) {
            throw new InvalidInputException("lang", "is required: a Locale, matched against " + declared);
        }
        String language = locale.getLanguage();
        TemplateSpec spec = locale.getCountry().isEmpty() ? null : byCode.get(language + "_" + locale.getCountry());
        if (spec == null) {
            spec = byCode.get(language);
        }
        return spec != null ? spec : first;
    }

    @Override
    public String toString() {
        return first.name() + " in " + declared;
    }
}
