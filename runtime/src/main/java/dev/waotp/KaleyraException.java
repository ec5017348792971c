package dev.waotp;

/**
 * The one base of every failure waotp reports. Unchecked, so a login flow can let it propagate to
 * one handler; catch a subclass to treat a case on its own.
 *
 * <p>Messages never contain the API key or a one-time password.
 */
public class KaleyraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For failures of code built on waotp that belong with waotp's own; never put a secret in {@code message}. */
    public KaleyraException(String message) {
        super(message);
    }

    /** As {@link #KaleyraException(String)}, with the failure that caused it. */
    public KaleyraException(String message, Throwable cause) {
        super(message, cause);
    }
}
