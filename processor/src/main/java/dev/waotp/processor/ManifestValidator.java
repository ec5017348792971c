package dev.waotp.processor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Checks an {@code @AuthTemplate} against the account's templates in the manifest that
 * {@code -Awaotp.templates} names, so that a template the account cannot send fails the build rather
 * than the first send. Each message states what the manifest says.
 */
final class ManifestValidator {
    /** Statuses in which WhatsApp does not send the template (Meta's template status values). */
    private static final Set<String> NOT_SENDABLE = Set.of("REJECTED", "PAUSED", "DISABLED");
    /**
     * The one-time-password button: created as {@code OTP}, and stored by Meta as {@code URL} for a copy
     * code button (https://developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates/copy-code-button-authentication-templates).
     */
    private static final Set<String> OTP_BUTTONS = Set.of("OTP", "URL");
    private static final int SUGGESTIONS = 3;

    private final TemplateManifest manifest;

    ManifestValidator(TemplateManifest manifest) {
        this.manifest = manifest;
    }

    void validate(TypeElement template, AnnotationMirror annotation, String name, List<LanguageValue> languages,
            int buttonIndex, ErrorReporter reporter) {
        Map<String, TemplateVersion> versions = manifest.versions(name);
        if (versions.isEmpty()) {
            List<String> names = manifest.names();
            reporter.error("template \"" + name + "\" is not in the account's templates in " + manifest.file()
                    + (names.isEmpty() ? ", which lists none"
                            : "; did you mean " + EditDistance.nearest(name, names, SUGGESTIONS).stream()
                                    .map(candidate -> "\"" + candidate + "\"").collect(Collectors.joining(", "))
                                    + "?"),
                    template, annotation, AnnotationValues.written(annotation, "name"));
            return;
        }
        for (LanguageValue language : languages) {
            TemplateVersion version = versions.get(language.code());
            if (version == null) {
                reporter.error("template \"" + name + "\" has no " + language.code() + " version in the account's"
                        + " templates in " + manifest.file() + approved(versions), template, annotation,
                        language.value());
            } else {
                validate(version, template, annotation, language, buttonIndex, reporter);
            }
        }
    }

    private void validate(TemplateVersion version, TypeElement template, AnnotationMirror annotation,
            LanguageValue language, int buttonIndex, ErrorReporter reporter) {
        String subject = "template \"" + version.name() + "\" in " + version.language();
        String category = upper(version.category());
        if (!category.equals("AUTHENTICATION")) {
            reporter.error(subject + " is of category " + category + " in " + manifest.file()
                    + ": @AuthTemplate sends AUTHENTICATION templates only", template, annotation, language.value());
        }
        String status = upper(version.status());
        if (NOT_SENDABLE.contains(status)) {
            reporter.error(subject + " is " + status + " in " + manifest.file() + ": WhatsApp does not send it;"
                    + " use an APPROVED template, or fetch the manifest again once it is", template, annotation,
                    language.value());
        } else if (!status.equals("APPROVED")) {
            reporter.warning(subject + " is " + status + " in " + manifest.file() + ", not APPROVED: sends fail"
                    + " until WhatsApp approves it", template, annotation, language.value());
        }
        List<String> buttons = version.buttons().stream().map(ManifestValidator::upper).toList();
        if (buttonIndex < buttons.size() && OTP_BUTTONS.contains(buttons.get(buttonIndex))) {
            return;
        }
        int otp = -1;
        for (int i = 0; i < buttons.size() && otp < 0; i++) {
            otp = OTP_BUTTONS.contains(buttons.get(i)) ? i : -1;
        }
        String found = buttonIndex < buttons.size()
                ? "button " + buttonIndex + " of " + subject + " is a " + buttons.get(buttonIndex) + " button in "
                        + manifest.file() + ", not the one-time-password button (OTP, or URL for copy code)"
                : subject + " has " + buttons.size() + (buttons.size() == 1 ? " button" : " buttons") + " in "
                        + manifest.file() + ", so there is no button " + buttonIndex;
        String fix = otp >= 0
                ? ": its one-time-password button is button " + otp + "; set buttonIndex = " + otp
                : ": it has no one-time-password button (OTP, or URL for copy code)";
        reporter.error(found + fix, template, annotation, AnnotationValues.written(annotation, "buttonIndex"));
    }

    private static String approved(Map<String, TemplateVersion> versions) {
        List<String> approved = versions.values().stream()
                .filter(version -> upper(version.status()).equals("APPROVED"))
                .map(TemplateVersion::language)
                .toList();
        return approved.isEmpty() ? "; none of its versions is APPROVED"
                : "; it is APPROVED in " + String.join(", ", approved);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
