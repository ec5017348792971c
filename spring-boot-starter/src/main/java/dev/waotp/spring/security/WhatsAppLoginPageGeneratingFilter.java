package dev.waotp.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The default pages, generated as Spring Security generates its default login page: the phone form, the
 * code form and the second-factor form, each with the CSRF token and the message of the last step. An
 * application with pages of its own points the configurer at them and posts the same fields
 * ({@code phone}, {@code code}, the CSRF token) to the same addresses; those pages are not generated.
 */
final class WhatsAppLoginPageGeneratingFilter extends OncePerRequestFilter {
    private final LoginPages pages;
    private final boolean signIn;
    private final boolean secondFactor;
    private final Generated generated;
    private final SecurityContextHolderStrategy contexts;
    private final CodeChannels channels;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final RequestMatcher loginPage;
    private final RequestMatcher codePage;
    private final RequestMatcher factorPage;

    /**
     * Which pages are generated here: those the application does not serve itself.
     *
     * @param login the phone form
     * @param code the code form
     * @param factor the second-factor form
     */
    record Generated(boolean login, boolean code, boolean factor) {}

    WhatsAppLoginPageGeneratingFilter(LoginPages pages, boolean signIn, boolean secondFactor, Generated generated,
            SecurityContextHolderStrategy contexts, CodeChannels channels) {
        this.pages = pages;
        this.channels = channels;
        this.signIn = signIn;
        this.generated = generated;
        this.secondFactor = secondFactor;
        this.contexts = contexts;
        this.loginPage = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pages.loginPage());
        this.codePage = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pages.codePage());
        this.factorPage = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pages.factorPage());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn && generated.login() && loginPage.matches(request)) {
            PageMessage message = PageMessage.take(request);
            write(response, "Sign in with WhatsApp", message, phoneForm(request, message));
        } else if (generated.code() && codePage.matches(request)) {
            PendingCode pending = PendingCode.of(request, contexts.getContext().getAuthentication());
            if (pending == null) {
                PageMessage.error(OutcomeMessages.START_AGAIN).keepFor(request);
                response.sendRedirect(request.getContextPath() + (signIn ? pages.loginPage() : pages.factorPage()));
                return;
            }
            write(response, "Enter your WhatsApp code", PageMessage.take(request), codeForm(request, pending));
        } else if (secondFactor && generated.factor() && factorPage.matches(request)) {
            if (!trust.isFullyAuthenticated(contexts.getContext().getAuthentication())) {
                chain.doFilter(request, response);
                return;
            }
            write(response, "Confirm with WhatsApp", PageMessage.take(request), factorForm(request));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The number typed is put back after a refusal, and a code already sent in this session stays one link away. */
    private String phoneForm(HttpServletRequest request, @Nullable PageMessage message) {
        String typed = message == null || message.phone() == null ? ""
                : " value=\"" + escape(message.phone()) + "\"";
        PendingCode pending = PendingCode.of(request, contexts.getContext().getAuthentication());
        String back = pending == null || pending.secondFactor() ? ""
                : "<p><a id=\"code-form\" href=\"" + url(request, pages.codePage()) + "\">Enter the code sent to "
                        + escape(pending.maskedPhone()) + "</a></p>\n";
        return "<form method=\"post\" action=\"" + url(request, pages.loginPage()) + "\">\n"
                + "  <label for=\"phone\">WhatsApp number</label>\n"
                + "  <input type=\"tel\" id=\"phone\" name=\"phone\" placeholder=\"+919876543210\""
                + " autocomplete=\"tel\"" + typed + " required autofocus>\n"
                + csrf(request)
                + "  <button type=\"submit\" id=\"send-code\">Send me a code</button>\n"
                + "</form>\n" + back;
    }

    private String codeForm(HttpServletRequest request, PendingCode pending) {
        String again = pending.secondFactor()
                ? "<form method=\"post\" action=\"" + url(request, pages.factorPage()) + "\">\n" + csrf(request)
                        + "  <button type=\"submit\" class=\"link\" id=\"new-code\">Send a new code</button>\n</form>\n"
                : "<p><a id=\"new-code\" href=\"" + url(request, pages.loginPage()) + "\">Send a new code</a></p>\n";
        String bySms = !channels.smsOffered(pending) ? ""
                : "<form method=\"post\" action=\"" + url(request, pages.smsInstead()) + "\">\n" + csrf(request)
                        + "  <button type=\"submit\" class=\"link\" id=\"sms-instead\">Send it by SMS instead</button>\n"
                        + "</form>\n";
        return "<form method=\"post\" action=\"" + url(request, pages.codePage()) + "\">\n"
                + "  <label for=\"code\" id=\"code-label\">Code sent to " + escape(pending.maskedPhone()) + " "
                + escape(channels.told(pending)) + "</label>\n"
                + "  <input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"one-time-code\""
                + " inputmode=\"numeric\" required autofocus>\n"
                + csrf(request)
                + "  <button type=\"submit\" id=\"check-code\">" + (pending.secondFactor() ? "Confirm" : "Sign in")
                + "</button>\n"
                + "</form>\n" + again + bySms;
    }

    private String factorForm(HttpServletRequest request) {
        return "<p>This page needs a code sent to the WhatsApp number on your account.</p>\n"
                + "<form method=\"post\" action=\"" + url(request, pages.factorPage()) + "\">\n"
                + csrf(request)
                + "  <button type=\"submit\" id=\"send-code\">Send me a code</button>\n"
                + "</form>\n";
    }

    private static String csrf(HttpServletRequest request) {
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return "";
        }
        return "  <input type=\"hidden\" name=\"" + escape(token.getParameterName()) + "\" value=\""
                + escape(token.getToken()) + "\">\n";
    }

    /** Only what HTML needs escaped; the page is UTF-8, so the phone's bullets stay as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String url(HttpServletRequest request, String path) {
        return escape(request.getContextPath() + path);
    }

    private static void write(HttpServletResponse response, String title, @Nullable PageMessage message,
            String body) throws IOException {
        String alert = message == null ? ""
                : "<p id=\"message\" class=\"" + (message.error() ? "error" : "info") + "\" role=\""
                        + (message.error() ? "alert" : "status") + "\">" + escape(message.text())
                        + "</p>\n";
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>" + title + "</h1>\n" + alert + body + "</main>\n</body>\n</html>\n";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; background: #f4f6f5; margin: 0; }
            main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem;
                   box-shadow: 0 1px 4px rgba(0,0,0,.12); }
            h1 { font-size: 1.4rem; margin-top: 0; }
            label { display: block; margin: 1rem 0 .3rem; }
            input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1.1rem; }
            button { margin-top: 1rem; width: 100%; padding: .7rem; font-size: 1rem; background: #128c4a;
                     color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
            button.link { background: none; color: #128c4a; width: auto; padding: 0; }
            .error { background: #fdecea; color: #8a1c12; padding: .7rem; border-radius: .3rem; }
            .info { background: #e8f5ec; color: #145c30; padding: .7rem; border-radius: .3rem; }
            """;
}
