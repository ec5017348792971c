package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waotp.spring.web.TestVerifiers;
import dev.waotp.verify.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

@SpringJUnitWebConfig(WhatsAppLoginConfigurerTest.App.class)
class WhatsAppLoginConfigurerTest {
    static final String ALICE = "+919876543210";
    static final String BOB = "+919876500000";
    static final String CAROL = "+919876543221";
    static final String DAVE = "+919876543222";
    static final String ERIN = "+919876543223";
    static final String FRANK = "+919876543224";
    static final String GRACE = "+919876543225";
    static final String HEIDI = "+919876543226";
    static final String STRANGER = "+919800000001";
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

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MvcResult sendCode(String phone) throws Exception {
        return mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", phone)).andReturn();
    }

    private MvcResult typeCode(String code) throws Exception {
        return mvc.perform(post("/login/whatsapp/code").session(session).with(csrf()).param("code", code))
                .andReturn();
    }

    /**
     * In a new session: asks for a code, asks again at once, types a wrong code. Each answer is where it
     * leads and the page there, without the CSRF token and with the number's digits hidden.
     */
    private List<String> answersTo(String phone, Supplier<String> wrongCode) throws Exception {
        session = new MockHttpSession();
        List<String> answers = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            MvcResult result = step < 2 ? sendCode(phone) : typeCode(wrongCode.get());
            String next = result.getResponse().getRedirectedUrl();
            // The number typed comes back in the form after a refusal: the visitor's own input, the same for any number.
            answers.add(next + "\n" + page(next).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                    .replace("value=\"" + phone + "\"", "value=\"typed\"")
                    .replace(phone.substring(phone.length() - 4), "####"));
        }
        return answers;
    }

    @Test
    void thePhonePageIsGeneratedWithTheCsrfToken() throws Exception {
        String html = page("/login/whatsapp");
        assertThat(html).contains("<form method=\"post\" action=\"/login/whatsapp\">")
                .contains("name=\"phone\"").containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void aPostWithoutTheCsrfTokenSendsNothing() throws Exception {
        mvc.perform(post("/login/whatsapp").session(session).param("phone", "+919876543299"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login/whatsapp/code").session(session).param("code", "123456"))
                .andExpect(status().isForbidden());
        assertThat(VERIFIERS.sentTo("+919876543299")).isFalse();
    }

    @Test
    void theRightCodeSignsTheUserInWithTheFactorAndANewSessionId() throws Exception {
        mvc.perform(post("/login/whatsapp").session(session).with(csrf()).param("phone", "+91 98765 43210"))
                .andExpect(redirectedUrl("/login/whatsapp/code"));
        assertThat(page("/login/whatsapp/code")).contains("We sent a code to \u2022\u2022\u2022 3210 by WhatsApp.");
        String before = session.getId();

        MvcResult result = typeCode(VERIFIERS.lastCodeSentTo(ALICE));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/").session(session)).andExpect(authenticated().withUsername("alice")
                .withAuthentication(authentication -> assertThat(authentication.getAuthorities())
                        .extracting(GrantedAuthority::getAuthority)
                        .containsExactlyInAnyOrder("ROLE_USER", WhatsAppFactor.AUTHORITY)));
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void aWrongCodeStaysOnTheCodePageWithTheAttemptsLeft() throws Exception {
        sendCode(BOB);
        MvcResult result = typeCode(TestVerifiers.wrong(VERIFIERS.lastCodeSentTo(BOB)));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp/code");
        assertThat(page("/login/whatsapp/code")).contains("Wrong code. 4 attempts left.");
        mvc.perform(get("/").session(session)).andExpect(unauthenticated());
    }

    @Test
    void aSecondCodeTooSoonSaysHowLongToWait() throws Exception {
        String phone = CAROL;
        sendCode(phone);
        MvcResult again = sendCode(phone);
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp");
        assertThat(page("/login/whatsapp")).contains("A code was sent moments ago. Wait 30 seconds before asking"
                + " for another.");
    }

    @Test
    void aMalformedNumberIsRefusedBeforeAnythingIsSent() throws Exception {
        assertThat(sendCode("98765").getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp");
        assertThat(page("/login/whatsapp")).contains(
                "Enter your WhatsApp number in international form, such as +919876543210.");
    }

    @Test
    void aNumberWithoutAnAccountGetsTheAnswersOfOneWithAnAccountButNoCode() throws Exception {
        List<String> withAccount = answersTo(ERIN, () -> TestVerifiers.wrong(VERIFIERS.lastCodeSentTo(ERIN)));
        List<String> without = answersTo(STRANGER, () -> "000000");

        assertThat(without).isEqualTo(withAccount);
        assertThat(withAccount).anySatisfy(answer -> assertThat(answer).contains("Wrong code. 4 attempts left."))
                .anySatisfy(answer -> assertThat(answer).contains("Wait 30 seconds"));
        assertThat(VERIFIERS.sentTo(STRANGER)).isFalse();
        mvc.perform(get("/").session(session)).andExpect(unauthenticated());
    }

    /** Sent nothing, such a number is still answered no sooner than the last sends took. */
    @Test
    void aNumberWithoutAnAccountIsAnsweredNoSoonerThanASend() throws Exception {
        VERIFIERS.sendTime(Duration.ofMillis(300));
        try {
            for (String phone : List.of(FRANK, GRACE, HEIDI)) {
                session = new MockHttpSession();
                assertThat(timeToAnswer(phone)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
            session = new MockHttpSession();

            assertThat(timeToAnswer("+919800000002")).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        } finally {
            VERIFIERS.sendTime(Duration.ZERO);
        }
        assertThat(VERIFIERS.sentTo("+919800000002")).isFalse();
    }

    private Duration timeToAnswer(String phone) throws Exception {
        long start = System.nanoTime();
        assertThat(sendCode(phone).getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp/code");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void theCodeIsBoundToTheSessionThatAskedForIt() throws Exception {
        String phone = DAVE;
        sendCode(phone);
        String code = VERIFIERS.lastCodeSentTo(phone);
        session = new MockHttpSession();  // another browser, which never asked for a code

        MvcResult result = typeCode(code);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp");
        assertThat(page("/login/whatsapp")).contains("Enter your WhatsApp number to get a code.");
        mvc.perform(get("/").session(session)).andExpect(unauthenticated());
    }

    @Test
    void theSecondFactorGoesToTheSignedInUsersNumberAndKeepsThePasswordFactor() throws Exception {
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "alice")
                .param("password", "alice-password")).andExpect(status().is3xxRedirection());
        // Spring Security names the missing factor in the query.
        assertThat(mvc.perform(get("/admin").session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login/whatsapp/factor?factor.type=whatsapp&factor.reason=missing");
        assertThat(page("/login/whatsapp/factor")).contains("action=\"/login/whatsapp/factor\"");

        mvc.perform(post("/login/whatsapp/factor").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login/whatsapp/code"));
        typeCode(VERIFIERS.lastCodeSentTo(ALICE));

        MvcResult admin = mvc.perform(get("/admin").session(session)).andExpect(status().isOk())
                .andExpect(authenticated().withUsername("alice").withAuthentication(authentication ->
                        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                .contains(FactorGrantedAuthority.PASSWORD_AUTHORITY, WhatsAppFactor.AUTHORITY)))
                .andReturn();
        assertThat(admin.getResponse().getContentAsString()).isEqualTo("admin");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    @EnableMultiFactorAuthentication(authorities = {})
    static class App {
        private static final Map<String, String> PHONES = Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol", DAVE, "dave",
                ERIN, "erin", FRANK, "frank", GRACE, "grace", HEIDI, "heidi");

        @Bean
        Verifier verifier() {
            return VERIFIERS.builder().build();
        }

        @Bean
        UserDetailsService users() {
            return username -> {
                if (!PHONES.containsValue(username)) {
                    throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
                }
                return User.withUsername(username).password(username + "-password").roles("USER").build();
            };
        }

        @Bean
        @SuppressWarnings("deprecation")
        PasswordEncoder passwordEncoder() {
            return NoOpPasswordEncoder.getInstance();
        }

        @Bean
        SecurityFilterChain chain(HttpSecurity http, UserDetailsService users) {
            http.authorizeHttpRequests(authorize -> authorize
                            .requestMatchers("/admin").hasAllAuthorities(
                                    FactorGrantedAuthority.PASSWORD_AUTHORITY, WhatsAppFactor.AUTHORITY)
                            .anyRequest().permitAll())
                    .formLogin(Customizer.withDefaults())
                    .with(whatsAppLogin(), whatsApp -> whatsApp
                            .users(phone -> PHONES.containsKey(phone) ? users.loadUserByUsername(PHONES.get(phone))
                                    : null)
                            .secondFactor(authentication -> PHONES.entrySet().stream()
                                    .filter(entry -> entry.getValue().equals(authentication.getName()))
                                    .map(Map.Entry::getKey).findFirst().orElse(null)));
            return http.build();
        }

        @Bean
        Pages pages() {
            return new Pages();
        }
    }

    @RestController
    static class Pages {
        @GetMapping("/")
        String home() {
            return "home";
        }

        @GetMapping("/admin")
        String admin() {
            return "admin";
        }
    }
}
