package dev.waotp.spring;

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

    /** A property is missing or breaks a rule; {@code rule} completes "The property x ...". */
    static WaotpStartupException invalidProperty(String property, String rule, String action,
            @Nullable Throwable cause) {
        return new WaotpStartupException("The property " + property + " " + rule + ".", action, cause);
    }

    /** What the user should change, in one or two sentences. */
    String action() {
        return action;
    }
}
