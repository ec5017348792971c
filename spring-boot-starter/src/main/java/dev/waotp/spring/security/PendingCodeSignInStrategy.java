package dev.waotp.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * Drops the session's pending code when someone other than the user who asked for it signs in, at the
 * moment they do: for a password form login, remember-me, any sign-in that runs the chain's session
 * strategies. The configurer adds it to them, as {@code csrf()} adds its own. Every read of the pending
 * code checks the same ({@link PendingCode#of}), so a chain without session management is held too.
 */
final class PendingCodeSignInStrategy implements SessionAuthenticationStrategy {
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PendingCode.SESSION_ATTRIBUTE) instanceof PendingCode pending
                && !pending.askedBy(authentication)) {
            session.removeAttribute(PendingCode.SESSION_ATTRIBUTE);
        }
    }
}
