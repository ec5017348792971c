package dev.waotp.spring;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The application cannot start with waotp as configured. {@link WaotpFailureAnalyzer} shows its
 * description and action in place of a stack trace. Messages name properties and classes, never a
 * property's value, so that a secret set in the wrong property is not printed.
 */
final class WaotpStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String action;

    WaotpStartupException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /**
     * A property is missing or breaks a rule; {@code rule} completes "The property x ...". Without a
     * {@code fix}, the action asks to correct the property.
     */
    static WaotpStartupException invalidProperty(String property, String rule, @Nullable String fix,
            @Nullable Throwable cause) {
        return new WaotpStartupException("The property " + property + " " + rule + ".",
                fix != null ? fix : "Correct " + property + " in the application's configuration.", cause);
    }

    /** A builder's setting as Spring Boot names properties: {@code maxAttempts} is {@code max-attempts}. */
    static String kebabCase(String builderField) {
        return builderField.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** What the user should change, in one or two sentences. */
    String action() {
        return action;
    }
}
