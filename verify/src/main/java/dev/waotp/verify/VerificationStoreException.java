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
}
