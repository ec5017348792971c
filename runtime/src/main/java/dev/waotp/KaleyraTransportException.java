package dev.waotp;

import org.jspecify.annotations.Nullable;

/**
 * No answer came from Kaleyra: the connection failed or timed out on every attempt the retry policy
 * allowed, or the client's deadline came first. After a read timeout the message may still have been
 * delivered.
 */
public final class KaleyraTransportException extends KaleyraException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    KaleyraTransportException(String message, int attempts, @Nullable Throwable cause) {
        super(message + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
        this.attempts = attempts;
    }

    /** How many attempts were begun before giving up. */
    public int attempts() {
        return attempts;
    }
}
