package dev.waotp.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Adds a way to the WhatsApp sign-in to Spring Security's generated {@code /login} page, when the
 * application uses it ({@code formLogin()} without a page of its own).
 *
 * <p>Why a wrapper: {@link DefaultLoginPageGeneratingFilter} has sections only for the sign-in methods Spring
 * Security knows (a form, one-time tokens, passkeys, and lists of OAuth 2.0 and SAML 2.0 links under those
 * names); using the OAuth 2.0 list would title the link "Login with OAuth 2.0" and would clash with an
 * application's real {@code oauth2Login()}. So the page Spring generates is kept whole, and one section is
 * added before its end. A page asked for one factor ({@code factor.type}, a missing password) is left as
 * it is, and so is anything that is not that page.
 */
final class DefaultLoginPageWhatsAppLink extends OncePerRequestFilter {
    /** Where the generated page's content ends: the section goes just before. */
    private static final String END = "    </div>\n  </body>";

    private final DefaultLoginPageGeneratingFilter defaultPage;
    private final String whatsAppLoginPage;

    DefaultLoginPageWhatsAppLink(DefaultLoginPageGeneratingFilter defaultPage, String whatsAppLoginPage) {
        this.defaultPage = defaultPage;
        this.whatsAppLoginPage = whatsAppLoginPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isDefaultLoginPage(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String type = page.getContentType();
        String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
        int end = html.lastIndexOf(END);
        if (page.getStatus() != HttpServletResponse.SC_OK || type == null || !type.startsWith("text/html")
                || end < 0) {
            page.copyBodyToResponse();
            return;
        }
        byte[] withLink = (html.substring(0, end) + section(request) + html.substring(end))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(withLink.length);
        response.getOutputStream().write(withLink);
    }

    private boolean isDefaultLoginPage(HttpServletRequest request) {
        String loginPage = defaultPage.getLoginPageUrl();
        return defaultPage.isEnabled() && loginPage != null && request.getParameter("factor.type") == null
                && PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, loginPage).matches(request);
    }

    private String section(HttpServletRequest request) {
        String href = HtmlUtils.htmlEscape(request.getContextPath() + whatsAppLoginPage, "UTF-8");
        return "<h2>Sign in with WhatsApp</h2>\n<table class=\"table table-striped\">\n"
                + "  <tr><td><a id=\"whatsapp-login\" href=\"" + href
                + "\">Get a sign-in code on WhatsApp</a></td></tr>\n</table>\n";
    }
}
