package dev.waotp.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import dev.waotp.spring.CallerKeyResolver;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST <codePage>} with a {@code code}: checks it against the {@link PendingCode} of this session,
 * never against a number sent with the form, so that a code only ever proves the attempt it was sent for,
 * and only while the user who asked for it is the one signed in. The check counts against the client
 * address's check limit. Session fixation protection, the security context repository and remember-me are
 * Spring Security's own, set by the configurer as for a form login.
 */
final class WhatsAppCodeAuthenticationFilter extends AbstractAuthenticationProcessingFilter {
    private final SecurityContextHolderStrategy contexts;

    WhatsAppCodeAuthenticationFilter(LoginPages pages, SecurityContextHolderStrategy contexts) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pages.codePage()));
        this.contexts = contexts;
        setSecurityContextHolderStrategy(contexts);
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        PendingCode code = PendingCode.of(request, signedIn);
        if (code == null) {
            throw new WhatsAppCodeException(OutcomeMessages.START_AGAIN, false);
        }
        String typed = request.getParameter("code");
        WhatsAppCodeAuthenticationToken token = WhatsAppCodeAuthenticationToken.unauthenticated(code,
                typed == null ? "" : typed.strip(), signedIn, CallerKeyResolver.callerKey(request));
        token.setDetails(authenticationDetailsSource.buildDetails(request));
        return getAuthenticationManager().authenticate(token);
    }

    /** The code is used up: its pending entry goes before the session id changes and the user moves on. */
    @Override
    protected void successfulAuthentication(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, Authentication result) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingCode.SESSION_ATTRIBUTE);
        }
        super.successfulAuthentication(request, response, chain, result);
    }
}
