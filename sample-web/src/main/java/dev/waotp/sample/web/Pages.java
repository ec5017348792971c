package dev.waotp.sample.web;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The sample's own pages, as plain HTML so that the sample needs no template engine. */
@RestController
class Pages {
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(@Nullable Authentication authentication) {
        String who = authentication == null ? "You are not signed in." : "Signed in as " + name(authentication) + ".";
        return page("waotp web sample", "<p id=\"who\">" + who + "</p>\n<ul>\n"
                + "<li><a id=\"whatsapp-login\" href=\"/login/whatsapp\">Sign in with WhatsApp</a></li>\n"
                + "<li><a id=\"account\" href=\"/account\">Your account</a> (any sign-in)</li>\n"
                + "<li><a id=\"admin\" href=\"/admin\">Admin</a> (password and WhatsApp code)</li>\n"
                + "<li><a href=\"/waotp/dev/messages\">Codes the embedded stub received</a> (dev mode)</li>\n</ul>");
    }

    @GetMapping(path = "/account", produces = MediaType.TEXT_HTML_VALUE)
    String account(Authentication authentication) {
        return page("Your account", "<p id=\"who\">Signed in as " + name(authentication) + ".</p>\n"
                + "<p id=\"factors\">Factors: " + factors(authentication) + "</p>");
    }

    @GetMapping(path = "/admin", produces = MediaType.TEXT_HTML_VALUE)
    String admin(Authentication authentication) {
        return page("Admin", "<p id=\"who\">Signed in as " + name(authentication)
                + " with a password and a WhatsApp code.</p>\n<p id=\"factors\">Factors: "
                + factors(authentication) + "</p>");
    }

    private static String name(Authentication authentication) {
        return HtmlUtils.htmlEscape(authentication.getName());
    }

    private static String factors(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("FACTOR_")).sorted()
                .collect(Collectors.joining(", "));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n<h1>" + title + "</h1>\n" + body
                + "\n<form method=\"post\" action=\"/logout\" id=\"logout-form\"></form>\n</body>\n</html>\n";
    }
}
