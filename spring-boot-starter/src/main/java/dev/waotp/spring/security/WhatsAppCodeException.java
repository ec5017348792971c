package dev.waotp.spring.security;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A WhatsApp code was not accepted. The message is meant for the user (it never holds the code); the
 * failure handler shows it on the code page when another try makes sense, else on the page that sends a
 * new code.
 */
final class WhatsAppCodeException extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean canTryAgain;

    WhatsAppCodeException(String userMessage, boolean canTryAgain) {
        super(userMessage);
        this.canTryAgain = canTryAgain;
    }

    boolean canTryAgain() {
        return canTryAgain;
    }
}
