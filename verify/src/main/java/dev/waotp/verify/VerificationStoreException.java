package dev.waotp.verify;

/**
 * The verification store (or the rate limiter's storage) could not answer, or not in time. The
 * {@link Verifier} fails closed: nothing is sent and nothing is approved. The message says what failed
 * and never holds a code, an HMAC or the secret.
 */
public class VerificationStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its message. */
    public VerificationStoreException(String message) {
        super(message);
    }

    /** A failure with its message and cause. */
    public VerificationStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure in a few words for a message: its type's simple name, and its own message when it has
     * one. Backends put this after what failed, so that one outage reads the same everywhere.
     */
    public static String summary(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
