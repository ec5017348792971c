package dev.waotp.processor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * The {@code -A} options the processor reads. A malformed value is a compile error of its own, with no
 * file or line since an option belongs to no element; processing goes on without that value.
 */
final class ProcessorOptions {
    /**
     * {@code -Awaotp.named=true} puts {@code @Named} (of the same package as {@code @Inject}) on every
     * generated class, so that containers which scan for it, such as Spring's component scanning, pick
     * the class up. Off by default: it is a qualifier, and containers that need no scanning do without.
     */
    static final String NAMED = "waotp.named";

    /**
     * {@code -Awaotp.extraLanguages=xx_YY,zz} accepts these language codes beside the ones this release
     * knows: Meta adds languages between releases, and a user must not wait for one to send in them.
     */
    static final String EXTRA_LANGUAGES = "waotp.extraLanguages";

    /**
     * {@code -Awaotp.templates=/abs/path/templates.json} names the account's template manifest, which
     * {@code mvn waotp:templates} fetches from Kaleyra; every {@code @AuthTemplate} is then checked
     * against it. Absolute, since javac's working directory need not be the project's.
     */
    static final String TEMPLATES = "waotp.templates";

    /** Every option, declared to javac, which warns of any {@code -A} option no processor declares. */
    static final Set<String> ALL = Set.of(NAMED, EXTRA_LANGUAGES, TEMPLATES);

    private final Map<String, String> options;
    private final Messager messager;

    ProcessorOptions(Map<String, String> options, Messager messager) {
        this.options = options;
        this.messager = messager;
    }

    /** Whether {@link #NAMED} asks for {@code @Named}; a bare {@code -Awaotp.named} means true, as with other flags. */
    boolean named() {
        if (!options.containsKey(NAMED)) {
            return false;
        }
        String value = options.get(NAMED);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (!value.equalsIgnoreCase("false")) {
            error("-A" + NAMED + "=" + value + " is not a boolean: use true or false");
        }
        return false;
    }

    /** The well-formed codes of {@link #EXTRA_LANGUAGES}, in the order given; each malformed one is an error. */
    List<String> extraLanguages() {
        if (!options.containsKey(EXTRA_LANGUAGES)) {
            return List.of();
        }
        String value = options.get(EXTRA_LANGUAGES);
        if (value == null) {
            error("-A" + EXTRA_LANGUAGES + " needs a value: the language codes to allow, separated by commas,"
                    + " e.g. -A" + EXTRA_LANGUAGES + "=xx_YY,zz");
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        // The limit -1 keeps trailing empty entries, so that "xx," is reported rather than read as "xx".
        for (String entry : value.split(",", -1)) {
            String code = entry.strip();
            if (WhatsAppLanguages.isWellFormed(code)) {
                codes.add(code);
            } else {
                error("-A" + EXTRA_LANGUAGES + "=" + value + ": \"" + code + "\" is not a language code: write"
                        + " 2 or 3 lowercase letters, optionally _ and 2 to 4 uppercase letters, e.g. xx or xx_YY,"
                        + " and separate codes with commas");
            }
        }
        return codes;
    }

    /** The manifest file {@link #TEMPLATES} names, if given and an absolute path; otherwise an error. */
    Optional<Path> templates() {
        if (!options.containsKey(TEMPLATES)) {
            return Optional.empty();
        }
        String value = options.get(TEMPLATES);
        String example = " e.g. -A" + TEMPLATES + "=${project.basedir}/src/main/waotp/templates.json";
        if (value == null || value.isBlank()) {
            error("-A" + TEMPLATES + " needs a value: the absolute path of the account's template manifest," + example);
            return Optional.empty();
        }
        try {
            Path path = Path.of(value.strip());
            if (path.isAbsolute()) {
                return Optional.of(path);
            }
        } catch (InvalidPathException e) {
            // Reported below, as any path that is not absolute.
        }
        error("-A" + TEMPLATES + "=" + value + " is not an absolute path: javac's working directory need not be"
                + " the project's, so give the whole path," + example);
        return Optional.empty();
    }

    /** An error about an option, or about what an option asks for, reported on no element. */
    void error(String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }
}
