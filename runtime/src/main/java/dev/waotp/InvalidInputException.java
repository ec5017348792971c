package dev.waotp;

/**
 * A value given to waotp breaks a rule, found before any request is sent: the caller's mistake, not
 * Kaleyra's answer. It is an {@link IllegalArgumentException} and deliberately not a
 * {@link KaleyraException}, so an application that maps {@code KaleyraException} to "the provider
 * failed" (a 502, say) answers a bad phone number as the client's error (a 400). The message names
 * the field and the rule, never the value of a secret.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * Public so that libraries built on waotp (waotp-verify does) report their input errors the same
     * way. The message is {@code field + ": " + rule}: name the value, never repeat it.
     */
    public InvalidInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The field, as named in the payload or the builder, for example {@code otp} or {@code to[1]}. */
    public String field() {
        return field;
    }

    /** The rule the value breaks, in words. */
    public String rule() {
        return rule;
    }
}
