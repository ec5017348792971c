package dev.waotp.spring.security;

import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/**
 * A WhatsApp code was not accepted. The message is meant for the user (it never holds the code); the
 * failure handler shows it on the code page when another try makes sense, else on the page that sends a
 * new code.
 *
 * <p>Out of the provider it travels as the cause of one of Spring Security's own exceptions
 * ({@link #asSpringSecurityFailure()}): the application's {@code AuthenticationEventPublisher} maps
 * exceptions to failure events by their exact class, and would publish none for this one.
 */
final class WhatsAppCodeException extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean canTryAgain;
    private final boolean unavailable;

    WhatsAppCodeException(String userMessage, boolean canTryAgain) {
        this(userMessage, canTryAgain, false);
    }

    private WhatsAppCodeException(String userMessage, boolean canTryAgain, boolean unavailable) {
        super(userMessage);
        this.canTryAgain = canTryAgain;
        this.unavailable = unavailable;
    }

    /** The store or the limits failed: no code was checked (fail closed). */
    static WhatsAppCodeException unavailable(String userMessage) {
        return new WhatsAppCodeException(userMessage, true, true);
    }

    /**
     * A bad-credentials failure, or a service failure when nothing could be checked, with this as its cause
     * and the same message.
     */
    AuthenticationException asSpringSecurityFailure() {
        return unavailable ? new AuthenticationServiceException(getMessage(), this)
                : new BadCredentialsException(getMessage(), this);
    }

    /** This failure itself, or the one a Spring Security failure carries; null for any other. */
    static @Nullable WhatsAppCodeException in(AuthenticationException failure) {
        if (failure instanceof WhatsAppCodeException own) {
            return own;
        }
        return failure.getCause() instanceof WhatsAppCodeException own ? own : null;
    }

    boolean canTryAgain() {
        return canTryAgain;
    }
}
