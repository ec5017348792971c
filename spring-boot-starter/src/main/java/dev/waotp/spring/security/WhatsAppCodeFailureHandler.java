package dev.waotp.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Shows why a code was not accepted: back to the code page while the code can still be typed again, else
 * (expired, used up, locked, asked for by someone else) to the page that sends a new one, with the pending
 * code forgotten.
 */
final class WhatsAppCodeFailureHandler implements AuthenticationFailureHandler {
    private final LoginPages pages;
    private final boolean signIn;

    /** @param signIn whether the sign-in pages are on; without them a new code is asked for on the factor page */
    WhatsAppCodeFailureHandler(LoginPages pages, boolean signIn) {
        this.pages = pages;
        this.signIn = signIn;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        WhatsAppCodeException refused = WhatsAppCodeException.in(exception);
        boolean again = refused != null && refused.canTryAgain();
        // Only our own messages are meant for users; another provider's might say too much.
        String message = refused != null ? refused.getMessage() : "Sign-in failed.";
        PageMessage.error(message).keepFor(request);
        HttpSession session = request.getSession();
        Object pending = session.getAttribute(PendingCode.SESSION_ATTRIBUTE);
        String next = pages.codePage();
        if (!again) {
            session.removeAttribute(PendingCode.SESSION_ATTRIBUTE);
            boolean factor = pending instanceof PendingCode p ? p.secondFactor() : !signIn;
            next = factor ? pages.factorPage() : pages.loginPage();
        }
        response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + next));
    }
}
