package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.waotp.KaleyraException;
import dev.waotp.SendResult;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * With the SMS fallback on, the sign-in form answers a number with an account whose WhatsApp send is refused (its
 * codes go by SMS) exactly as a number without an account, however often someone asks: the fallback is counted
 * against the start it replaces, so it spends none of the phone's allowance.
 */
@SpringJUnitWebConfig(WhatsAppLoginFallbackTest.App.class)
class WhatsAppLoginFallbackTest {
    static final String NOT_ON_WHATSAPP = "+919800000131";
    static final String STRANGER = "+919800000404";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    static final List<String> SMS = new CopyOnWriteArrayList<>();

    @Autowired
    WebApplicationContext context;

    @Test
    void aNumberWhoseCodesGoBySmsGetsTheAnswersOfANumberWithoutAnAccount() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MockHttpSession withAccount = new MockHttpSession();
        MockHttpSession without = new MockHttpSession();
        List<String> account = new ArrayList<>();
        List<String> stranger = new ArrayList<>();
        for (int ask = 0; ask < 8; ask++) {
            account.addAll(askAndGuess(mvc, withAccount, NOT_ON_WHATSAPP));
            stranger.addAll(askAndGuess(mvc, without, STRANGER));
            CLOCK.advance(Duration.ofSeconds(31));
        }

        assertThat(account).isEqualTo(stranger);
        assertThat(stranger).filteredOn(answer -> answer.contains("We sent a code")).hasSize(5);
        assertThat(stranger).filteredOn(answer -> answer.contains("Too many codes were asked for")).hasSize(3);
        assertThat(SMS).hasSize(5).containsOnly(NOT_ON_WHATSAPP);
    }

    /** Asks for a code, then types a wrong one: where each leads and what the page there says, the number hidden. */
    private static List<String> askAndGuess(MockMvc mvc, MockHttpSession session, String phone) throws Exception {
        return List.of(
                answer(mvc, session, phone, post("/login/whatsapp").session(session).with(csrf()).param("phone", phone)),
                answer(mvc, session, phone, post("/login/whatsapp/code").session(session).with(csrf())
                        .param("code", "0000000")));
    }

    private static String answer(MockMvc mvc, MockHttpSession session, String phone, MockHttpServletRequestBuilder form)
            throws Exception {
        String next = mvc.perform(form).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(next).session(session)).andReturn().getResponse().getContentAsString();
        return next + "\n" + page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
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
                    .sender((phone, code) -> {
                        if (phone.equals(NOT_ON_WHATSAPP)) {
                            throw new NotOnWhatsApp();
                        }
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
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                    .with(whatsAppLogin(), whatsApp -> whatsApp.clock(CLOCK).users(phone -> phone.equals(NOT_ON_WHATSAPP)
                            ? User.withUsername("noor").password("{noop}unused").roles("USER").build() : null));
            return http.build();
        }
    }

    /** Kaleyra's refusal of a number that is not on WhatsApp, as far as this test is concerned. */
    static final class NotOnWhatsApp extends KaleyraException {
        private static final long serialVersionUID = 1L;

        NotOnWhatsApp() {
            super("the recipient is not on WhatsApp");
        }
    }
}
