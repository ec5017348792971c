package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.waotp.spring.web.TestVerifiers;
import dev.waotp.verify.Verifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The configurer in Spring Security's shape, with the application's everything-needs-a-sign-in chain and
 * Spring's generated {@code /login} page: the WhatsApp sign-in is published as authentication events, and
 * the generated page leads to it.
 */
@SpringJUnitWebConfig(WhatsAppLoginEventsTest.App.class)
class WhatsAppLoginEventsTest {
    static final String ALICE = "+919876543210";
    static final String BOB = "+919876500000";
    static final TestVerifiers VERIFIERS = new TestVerifiers();

    @Autowired
    WebApplicationContext context;

    @Autowired
    App app;

    MockMvc mvc;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        session = new MockHttpSession();
        app.heard.clear();
    }

    private void sendCode(String phone) throws Exception {
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", phone))
                .andExpect(redirectedUrl("/login/whatsapp/code"));
    }

    private void typeCode(String code) throws Exception {
        mvc.perform(post("/login/whatsapp/code").session(session).with(csrf()).param("code", code));
    }

    @Test
    void anApprovedSignInIsPublishedAsASuccessEvent() throws Exception {
        sendCode(ALICE);
        typeCode(VERIFIERS.lastCodeSentTo(ALICE));

        assertThat(app.heard).filteredOn(AuthenticationSuccessEvent.class::isInstance).singleElement()
                .satisfies(event -> {
                    assertThat(event.getAuthentication()).isInstanceOf(WhatsAppCodeAuthenticationToken.class);
                    assertThat(event.getAuthentication().getName()).isEqualTo("alice");
                    assertThat(event.getAuthentication().getAuthorities()).extracting(Object::toString)
                            .anyMatch(authority -> authority.contains(WhatsAppFactor.AUTHORITY));
                });
        assertThat(app.heard).noneMatch(AbstractAuthenticationFailureEvent.class::isInstance);
    }

    @Test
    void aWrongCodeIsPublishedAsABadCredentialsEventThatHoldsNoCode() throws Exception {
        sendCode(BOB);
        String sent = VERIFIERS.lastCodeSentTo(BOB);
        String wrong = TestVerifiers.wrong(sent);
        typeCode(wrong);

        assertThat(app.heard).filteredOn(AuthenticationFailureBadCredentialsEvent.class::isInstance).singleElement()
                .satisfies(event -> {
                    AuthenticationFailureBadCredentialsEvent failure = (AuthenticationFailureBadCredentialsEvent) event;
                    assertThat(failure.getException()).hasMessage("Wrong code. 4 attempts left.");
                    assertThat(failure.getAuthentication().toString() + failure.getException())
                            .doesNotContain(sent).doesNotContain(wrong);
                });
        assertThat(app.heard).noneMatch(AuthenticationSuccessEvent.class::isInstance);
    }

    @Test
    void springsGeneratedLoginPageLeadsToTheWhatsAppSignIn() throws Exception {
        String page = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("name=\"password\"").contains("<h2>Sign in with WhatsApp</h2>")
                .contains("<a id=\"whatsapp-login\" href=\"/login/whatsapp\">");
        assertThat(page.indexOf("whatsapp-login")).isLessThan(page.lastIndexOf("</body>"));
    }

    @Test
    void theGeneratedPageAskedForThePasswordFactorAloneIsLeftAsItIs() throws Exception {
        String page = mvc.perform(get("/login").param("factor.type", "password").session(session)).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).doesNotContain("whatsapp-login");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class App {
        final List<AbstractAuthenticationEvent> heard = Collections.synchronizedList(new ArrayList<>());

        @Bean
        ApplicationListener<AbstractAuthenticationEvent> audit() {
            return heard::add;
        }

        @Bean
        Verifier verifier() {
            return VERIFIERS.builder().build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
                    User.withUsername("bob").password("{noop}bob-password").roles("USER").build());
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http, UserDetailsService users) {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .with(whatsAppLogin(), whatsApp -> whatsApp.users(phone -> ALICE.equals(phone)
                            ? users.loadUserByUsername("alice")
                            : BOB.equals(phone) ? users.loadUserByUsername("bob") : null));
            return http.build();
        }
    }
}
