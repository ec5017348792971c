package dev.waotp.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks an {@code @AuthTemplate} type and its annotation, then hands each method to {@link MethodValidator}. */
final class TemplateValidator {
    /** The rule Meta applies to template names when they are created. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]+");
    private static final int TEMPLATE_NAME_MAX_LENGTH = 512;

    private final Elements elements;
    private final Types types;
    private final MethodValidator methods;
    private final WhatsAppLanguages languages;
    private final ImplementationNames implementations;
    private final Optional<ManifestValidator> manifest;

    /** @param manifest checks the template against the account's, when {@code -Awaotp.templates} names them */
    TemplateValidator(Elements elements, Types types, WhatsAppLanguages languages,
            ImplementationNames implementations, Optional<ManifestValidator> manifest) {
        this.elements = elements;
        this.types = types;
        this.methods = new MethodValidator(types);
        this.languages = languages;
        this.implementations = implementations;
        this.manifest = manifest;
    }

    void validate(TypeElement template, ErrorReporter reporter) {
        AnnotationMirror annotation = AnnotationValues.find(template, RuntimeNames.AUTH_TEMPLATE).orElseThrow();
        boolean nameValid = validateName(annotation, template, reporter);
        List<LanguageValue> langs = validateLanguages(annotation, template, reporter);
        Optional<Integer> buttonIndex = validateButtonIndex(annotation, template, reporter);
        // Only values of the right shape are looked up: a wrong shape has its own error already.
        if (nameValid && buttonIndex.isPresent()) {
            String name = (String) AnnotationValues.get(elements, annotation, "name").orElseThrow();
            manifest.ifPresent(check -> check.validate(template, annotation, name, langs, buttonIndex.get(), reporter));
        }
        // WaSource is an enum, so any value javac accepted is valid; anything else javac has reported.
        if (!(AnnotationValues.get(elements, annotation, "source").orElse(null)
                instanceof VariableElement)) {
            reporter.alreadyReported();
        }
        if (template.getKind() != ElementKind.INTERFACE) {
            reporter.error("@AuthTemplate must be on an interface, but " + template.getSimpleName() + " is "
                    + kind(template) + ": declare it as an interface whose methods send the template",
                    template, annotation);
            return;
        }
        if (!template.getTypeParameters().isEmpty()) {
            reporter.error("@AuthTemplate interface " + template.getSimpleName() + " must not be generic:"
                    + " remove the type parameters " + template.getTypeParameters().stream()
                            .map(Object::toString).collect(Collectors.joining(", ", "<", ">")),
                    template, annotation);
        }
        if (template.getModifiers().contains(Modifier.SEALED)) {
            reporter.error("@AuthTemplate interface " + template.getSimpleName() + " must not be sealed: the"
                    + " generated " + ImplementationNames.of(template).simpleName() + " implements it, and a sealed"
                    + " interface admits only the types it permits; remove sealed and the permits clause",
                    template);
        }
        for (Element type = template; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                reporter.error("@AuthTemplate interface " + template.getSimpleName() + " cannot be implemented"
                        + " by generated code because " + type.getSimpleName() + " is private:"
                        + " make it package-private or public", template, annotation);
            }
        }
        implementations.clash(template).ifPresent(clash -> reporter.error("the sender of @AuthTemplate interface "
                + template.getSimpleName() + " is generated as " + clash + ": rename or remove that type,"
                + " or rename the interface", template, annotation));
        for (AbstractMethod method : AbstractMethod.of(template, types)) {
            methods.validate(method, langs.stream().map(LanguageValue::code).toList(), reporter);
        }
        if (!reporter.failed()) {
            implementations.claim(template);
        }
    }

    /** Whether the name is well formed. */
    private boolean validateName(AnnotationMirror annotation, TypeElement template, ErrorReporter reporter) {
        Optional<String> name = string(annotation, "name", reporter);
        if (name.isEmpty()) {
            return false;
        }
        AnnotationValue written = AnnotationValues.written(annotation, "name");
        String value = name.get();
        if (value.isEmpty()) {
            reporter.error("template name is empty: give the name of the approved WhatsApp template,"
                    + " e.g. name = \"auth1\"", template, annotation, written);
        } else if (!TEMPLATE_NAME.matcher(value).matches()) {
            reporter.error("template name \"" + value + "\" is not a valid WhatsApp template name:"
                    + " use lowercase letters, digits and underscores", template, annotation, written);
        } else if (value.length() > TEMPLATE_NAME_MAX_LENGTH) {
            reporter.error("template name is " + value.length() + " characters long: WhatsApp template names"
                    + " have at most " + TEMPLATE_NAME_MAX_LENGTH, template, annotation, written);
        } else {
            return true;
        }
        return false;
    }

    /**
     * The codes of {@code lang}, each checked, in the order written; those that break a rule are left
     * out, so that what follows checks only well-formed codes. A single value is an array of one.
     */
    private List<LanguageValue> validateLanguages(AnnotationMirror annotation, TypeElement template,
            ErrorReporter reporter) {
        Object value = AnnotationValues.get(elements, annotation, "lang").orElse(null);
        if (!(value instanceof List<?> written)) {
            reporter.alreadyReported();
            return List.of();
        }
        if (written.isEmpty()) {
            reporter.error("lang is empty: give the template's WhatsApp language codes, e.g. lang = \"en_US\""
                    + " or lang = {\"en_US\", \"hi\"}",
                    template, annotation, AnnotationValues.written(annotation, "lang"));
            return List.of();
        }
        List<LanguageValue> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object element : written) {
            AnnotationValue code = (AnnotationValue) element;
            if (!(code.getValue() instanceof String lang)) {
                reporter.alreadyReported();
            } else if (!seen.add(lang)) {
                reporter.error("language code \"" + lang + "\" is given twice in lang: give each language of the"
                        + " template once", template, annotation, code);
            } else if (validateLanguage(lang, code, annotation, template, reporter)) {
                codes.add(new LanguageValue(lang, code));
            }
        }
        return codes;
    }

    private boolean validateLanguage(String lang, AnnotationValue written, AnnotationMirror annotation,
            TypeElement template, ErrorReporter reporter) {
        if (languages.isSupported(lang)) {
            return true;
        }
        if (lang.isBlank()) {
            reporter.error("language code is empty: give the template's WhatsApp language code,"
                    + " e.g. lang = \"en_US\"", template, annotation, written);
        } else {
            // A code of the right shape may be one Meta added after this release: say how to allow it.
            String allow = WhatsAppLanguages.isWellFormed(lang)
                    ? " If Meta has added it since, allow it with -A" + ProcessorOptions.EXTRA_LANGUAGES + "=" + lang
                    : "";
            reporter.error("language code \"" + lang + "\" is not a WhatsApp language; did you mean \""
                    + languages.nearest(lang) + "\"?" + allow, template, annotation, written);
        }
        return false;
    }

    /** The index, if it is in range. */
    private Optional<Integer> validateButtonIndex(AnnotationMirror annotation, TypeElement template,
            ErrorReporter reporter) {
        Object index = AnnotationValues.get(elements, annotation, "buttonIndex").orElse(null);
        if (!(index instanceof Integer value)) {
            reporter.alreadyReported();
        } else if (value < 0 || value > 9) {
            reporter.error("buttonIndex " + index + " is out of range: give the position of the template's"
                    + " one-time-password button, 0 to 9", template, annotation,
                    AnnotationValues.written(annotation, "buttonIndex"));
        } else {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private Optional<String> string(AnnotationMirror annotation, String member, ErrorReporter reporter) {
        Object value = AnnotationValues.get(elements, annotation, member).orElse(null);
        if (value instanceof String string) {
            return Optional.of(string);
        }
        reporter.alreadyReported();
        return Optional.empty();
    }

    private static String kind(TypeElement type) {
        return switch (type.getKind()) {
            case ANNOTATION_TYPE -> "an annotation type";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            default -> "a class";
        };
    }
}
