package dev.waotp;

/**
 * The one base of every failure waotp reports. Unchecked, so a login flow can let it propagate to
 * one handler; catch a subclass to treat a case on its own.
 *
 * <p>Messages never contain the API key or a one-time password.
 */
public class KaleyraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KaleyraException(String message) {
        super(message);
    }

    public KaleyraException(String message, Throwable cause) {
        super(message, cause);
    }
}
