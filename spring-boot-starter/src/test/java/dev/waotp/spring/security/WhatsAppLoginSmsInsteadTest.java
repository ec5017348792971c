package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.SendResult;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.spring.security.WhatsAppLoginFallbackTest.NotOnWhatsApp;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The channel the code form tells, and its "send it by SMS instead": for the session's phone only, within the
 * limits, and answered to a number without an account exactly as to a number with one.
 */
@SpringJUnitWebConfig(WhatsAppLoginSmsInsteadTest.App.class)
class WhatsAppLoginSmsInsteadTest {
    static final String ACCOUNT = "+919800000131";
    static final String STRANGER = "+919800000404";
    static final String ALICE = "+919800000777";
    static final String RAVI_NOT_ON_WHATSAPP = "+919800000888";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    static final List<String> SMS = new CopyOnWriteArrayList<>();
    static final Map<String, String> TAGS = new ConcurrentHashMap<>();

    @Autowired
    WebApplicationContext context;
    @Autowired
    Verifier verifier;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        SMS.clear();
        // Each test on fresh limits and waits.
        CLOCK.advance(Duration.ofDays(1));
    }

    @Test
    void smsInsteadAnswersANumberWithoutAnAccountAsANumberWithOne() throws Exception {
        MockHttpSession withAccount = new MockHttpSession();
        MockHttpSession without = new MockHttpSession();
        List<String> account = new ArrayList<>();
        List<String> stranger = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            account.addAll(round(withAccount, ACCOUNT, "10.0.0.1"));
            stranger.addAll(round(without, STRANGER, "10.0.0.2"));
            CLOCK.advance(Duration.ofSeconds(31));
        }

        assertThat(account).isEqualTo(stranger);
        assertThat(stranger).anyMatch(page -> page.contains("We sent a code to \u2022\u2022\u2022 #### by SMS."))
                .anyMatch(page -> page.contains("Code sent to \u2022\u2022\u2022 #### by SMS</label>"))
                .anyMatch(page -> page.contains("A code was sent moments ago. Wait 30 seconds"))
                .anyMatch(page -> page.contains("Too many codes were asked for."))
                .allMatch(page -> !page.startsWith("/login/whatsapp/code\n") || page.contains("id=\"sms-instead\""));
        assertThat(SMS).hasSize(2).containsOnly(ACCOUNT);
    }

    /** Asks for a code, for SMS at once and again after the wait, reloads the code form and types a wrong code. */
    private List<String> round(MockHttpSession session, String phone, String address) throws Exception {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        List<String> pages = new ArrayList<>();
        pages.add(answer(session, phone, post("/login/whatsapp").with(from).with(csrf()).param("phone", phone)));
        pages.add(answer(session, phone, post("/login/whatsapp/code/sms").with(from).with(csrf())));
        CLOCK.advance(Duration.ofSeconds(31));
        pages.add(answer(session, phone, post("/login/whatsapp/code/sms").with(from).with(csrf())));
        pages.add(page(session, phone, "/login/whatsapp/code"));
        pages.add(answer(session, phone, post("/login/whatsapp/code").with(from).with(csrf()).param("code", "0000000")));
        return pages;
    }

    @Test
    void theSmsGoesToTheSessionsPhoneNeverToAPostedOne() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", ACCOUNT));
        CLOCK.advance(Duration.ofSeconds(31));

        String next = redirect(post("/login/whatsapp/code/sms").session(session).with(csrf()).param("phone", ALICE));

        assertThat(next).isEqualTo("/login/whatsapp/code");
        assertThat(SMS).containsExactly(ACCOUNT);
    }

    @Test
    void withoutACodeInTheSessionNothingIsSentAndTheUserStartsAgain() throws Exception {
        MockHttpSession session = new MockHttpSession();

        assertThat(redirect(post("/login/whatsapp/code/sms").session(session).with(csrf()))).isEqualTo("/login/whatsapp");
        assertThat(page(session, ACCOUNT, "/login/whatsapp")).contains("Enter your WhatsApp number to get a code.");
        assertThat(SMS).isEmpty();
    }

    @Test
    void theButtonNeedsTheCsrfToken() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", ACCOUNT));
        CLOCK.advance(Duration.ofSeconds(31));

        int status = mvc.perform(post("/login/whatsapp/code/sms").session(session)).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(SMS).isEmpty();
    }

    @Test
    void aSecondFactorWhoseWhatsAppFailsLaterSaysSmsWhenTheCodeFormIsReloaded() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp/factor").session(session).with(user("alice")).with(csrf()));
        assertThat(page(session, ALICE, "/login/whatsapp/code", user("alice")))
                .contains("We sent a code to \u2022\u2022\u2022 #### by WhatsApp.")
                .contains("Code sent to \u2022\u2022\u2022 #### by WhatsApp</label>");

        verifier.onStatus(new DeliveryStatus(DeliveryState.FAILED, "msg", null, ALICE, null, "131026",
                "Message undeliverable", null, null, TAGS.get(ALICE)));

        assertThat(SMS).containsExactly(ALICE);
        assertThat(page(session, ALICE, "/login/whatsapp/code", user("alice")))
                .contains("Code sent to \u2022\u2022\u2022 #### by SMS</label>");
    }

    @Test
    void aSecondFactorThatWhatsAppRefusesIsToldItWentBySms() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp/factor").session(session).with(user("ravi")).with(csrf()));

        assertThat(page(session, RAVI_NOT_ON_WHATSAPP, "/login/whatsapp/code", user("ravi")))
                .contains("We sent a code to \u2022\u2022\u2022 #### by SMS.");
        assertThat(SMS).containsExactly(RAVI_NOT_ON_WHATSAPP);
    }

    @Test
    void aSignInIsNotToldOfAnAutomaticFallbackButOfBothChannels() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", RAVI_NOT_ON_WHATSAPP));

        assertThat(SMS).containsExactly(RAVI_NOT_ON_WHATSAPP);
        assertThat(page(session, RAVI_NOT_ON_WHATSAPP, "/login/whatsapp/code"))
                .contains("We sent a code to \u2022\u2022\u2022 #### by WhatsApp, or by SMS if WhatsApp could not take it.");
    }

    @Test
    void aTooSoonPageKeepsTheNumberAndLinksToTheCodeForm() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", ACCOUNT));

        String next = redirect(post("/login/whatsapp").session(session).with(csrf()).param("phone", ACCOUNT));

        assertThat(next).isEqualTo("/login/whatsapp");
        String page = mvc.perform(get(next).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("A code was sent moments ago.")
                .contains("name=\"phone\"").contains("value=\"" + ACCOUNT + "\"")
                .contains("<a id=\"code-form\" href=\"/login/whatsapp/code\">Enter the code sent to \u2022\u2022\u2022 0131</a>");
    }

    private String redirect(MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form).andReturn().getResponse().getRedirectedUrl();
    }

    private String answer(MockHttpSession session, String phone, MockHttpServletRequestBuilder form) throws Exception {
        String next = redirect(form.session(session));
        return next + "\n" + page(session, phone, next);
    }

    /** The page as its visitor sees it, with the CSRF token and the number's last digits hidden. */
    private String page(MockHttpSession session, String phone, String path, RequestPostProcessor... as)
            throws Exception {
        MockHttpServletRequestBuilder request = get(path).session(session);
        for (RequestPostProcessor processor : as) {
            request.with(processor);
        }
        String page = mvc.perform(request).andReturn().getResponse().getContentAsString();
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replace(phone.substring(phone.length() - 4), "####");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class App {
        @Bean
        Verifier verifier() {
            return Verifier.builder().secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                    .clock(CLOCK)
                    .trackedSender((phone, code, tag) -> {
                        if (phone.equals(RAVI_NOT_ON_WHATSAPP)) {
                            throw new NotOnWhatsApp();
                        }
                        TAGS.put(phone, tag);
                        return new SendResult(List.of("msg"), null, null);
                    })
                    .smsFallback(SmsFallback.builder((phone, code) -> {
                        SMS.add(phone);
                        return new SendResult(List.of("sms"), null, null);
                    }).allowRegions("IN").fallBackOnSendFailure(NotOnWhatsApp.class::isInstance).build())
                    .build();
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http) {
            Map<String, String> phones = Map.of("noor", ACCOUNT, "alice", ALICE, "ravi", RAVI_NOT_ON_WHATSAPP);
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                    .with(whatsAppLogin(), whatsApp -> whatsApp.clock(CLOCK)
                            .users(phone -> phones.entrySet().stream().filter(e -> e.getValue().equals(phone))
                                    .map(e -> User.withUsername(e.getKey()).password("{noop}unused").roles("USER")
                                            .build())
                                    .findFirst().orElse(null))
                            .secondFactor(signedIn -> phones.get(signedIn.getName())));
            return http.build();
        }
    }
}
