package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.waotp.spring.web.TestVerifiers;
import dev.waotp.verify.Verifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * An application with its own phone page and its own success and failure handlers: its page is served, not
 * the generated one, and its handlers decide where the user goes; the POST is still the configurer's.
 */
@SpringJUnitWebConfig(WhatsAppLoginOwnPagesTest.App.class)
class WhatsAppLoginOwnPagesTest {
    static final String ALICE = "+919876543210";
    static final String BOB = "+919876500000";
    static final TestVerifiers VERIFIERS = new TestVerifiers();

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        session = new MockHttpSession();
    }

    @Test
    void theApplicationsOwnLoginPageIsServedNotTheGeneratedOne() throws Exception {
        mvc.perform(get("/my-login").session(session)).andExpect(content().string("my own phone page"));
    }

    @Test
    void theOwnPagesPostStillSendsTheCodeAndTheSuccessHandlerDecidesWhereTheUserGoes() throws Exception {
        mvc.perform(post("/my-login").session(session).with(csrf()).param("phone", ALICE))
                .andExpect(redirectedUrl("/login/whatsapp/code"));

        mvc.perform(post("/login/whatsapp/code").session(session).with(csrf())
                        .param("code", VERIFIERS.lastCodeSentTo(ALICE)))
                .andExpect(redirectedUrl("/welcome"));
        mvc.perform(get("/welcome").session(session)).andExpect(authenticated().withUsername("alice"));
    }

    @Test
    void theFailureHandlerDecidesWhereARefusedCodeGoesAndIsToldWhy() throws Exception {
        // Another number: a second code to the same one at once would be refused as too soon.
        mvc.perform(post("/my-login").session(session).with(csrf()).param("phone", BOB));

        mvc.perform(post("/login/whatsapp/code").session(session).with(csrf())
                        .param("code", TestVerifiers.wrong(VERIFIERS.lastCodeSentTo(BOB))))
                .andExpect(redirectedUrl("/oops?why=Wrong+code.+4+attempts+left."))
                .andExpect(unauthenticated());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class App {
        @Bean
        Verifier verifier() {
            return VERIFIERS.builder().build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}alice-password").roles("USER").build());
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http, InMemoryUserDetailsManager users) {
            http.authorizeHttpRequests(authorize -> authorize.requestMatchers("/my-login", "/oops").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .with(whatsAppLogin(), whatsApp -> whatsApp
                            .users(phone -> ALICE.equals(phone) || BOB.equals(phone) ? users.loadUserByUsername("alice")
                                    : null)
                            .loginPage("/my-login")
                            .successHandler((request, response, authentication) -> response.sendRedirect("/welcome"))
                            .failureHandler((request, response, failure) -> response.sendRedirect(
                                    "/oops?why=" + java.net.URLEncoder.encode(failure.getMessage(),
                                            java.nio.charset.StandardCharsets.UTF_8))));
            return http.build();
        }

        @Bean
        OwnPages ownPages() {
            return new OwnPages();
        }
    }

    @RestController
    static class OwnPages {
        @GetMapping("/my-login")
        String myLogin() {
            return "my own phone page";
        }

        @GetMapping("/welcome")
        String welcome() {
            return "welcome";
        }
    }
}
