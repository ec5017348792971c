package dev.waotp.processor;

import java.util.Optional;
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

    TemplateValidator(Elements elements, Types types, WhatsAppLanguages languages,
            ImplementationNames implementations) {
        this.elements = elements;
        this.types = types;
        this.methods = new MethodValidator(types);
        this.languages = languages;
        this.implementations = implementations;
    }

    void validate(TypeElement template, ErrorReporter reporter) {
        AnnotationMirror annotation = AnnotationValues.find(template, RuntimeNames.AUTH_TEMPLATE).orElseThrow();
        validateName(annotation, template, reporter);
        validateLanguage(annotation, template, reporter);
        validateButtonIndex(annotation, template, reporter);
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
            methods.validate(method, reporter);
        }
        if (!reporter.failed()) {
            implementations.claim(template);
        }
    }

    private void validateName(AnnotationMirror annotation, TypeElement template, ErrorReporter reporter) {
        Optional<String> name = string(annotation, "name", reporter);
        if (name.isEmpty()) {
            return;
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
        }
    }

    private void validateLanguage(AnnotationMirror annotation, TypeElement template, ErrorReporter reporter) {
        Optional<String> lang = string(annotation, "lang", reporter);
        if (lang.isEmpty() || languages.isSupported(lang.get())) {
            return;
        }
        AnnotationValue written = AnnotationValues.written(annotation, "lang");
        if (lang.get().isBlank()) {
            reporter.error("language code is empty: give the template's WhatsApp language code,"
                    + " e.g. lang = \"en_US\"", template, annotation, written);
        } else {
            // A code of the right shape may be one Meta added after this release: say how to allow it.
            String allow = WhatsAppLanguages.isWellFormed(lang.get())
                    ? " If Meta has added it since, allow it with -A" + ProcessorOptions.EXTRA_LANGUAGES + "="
                            + lang.get()
                    : "";
            reporter.error("language code \"" + lang.get() + "\" is not a WhatsApp language; did you mean \""
                    + languages.nearest(lang.get()) + "\"?" + allow, template, annotation, written);
        }
    }

    private void validateButtonIndex(AnnotationMirror annotation, TypeElement template, ErrorReporter reporter) {
        Object index = AnnotationValues.get(elements, annotation, "buttonIndex").orElse(null);
        if (!(index instanceof Integer)) {
            reporter.alreadyReported();
        } else if ((Integer) index < 0 || (Integer) index > 9) {
            reporter.error("buttonIndex " + index + " is out of range: give the position of the template's"
                    + " one-time-password button, 0 to 9", template, annotation,
                    AnnotationValues.written(annotation, "buttonIndex"));
        }
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
