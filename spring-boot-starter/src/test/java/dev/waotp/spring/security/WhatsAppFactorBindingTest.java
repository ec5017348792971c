package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurerTest.ALICE;
import static dev.waotp.spring.security.WhatsAppLoginConfigurerTest.BOB;
import static dev.waotp.spring.security.WhatsAppLoginConfigurerTest.VERIFIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 24's worst finding: a code proves only the attempt of the user it was sent for. Two users in one
 * browser: the session keeps its attributes across Spring Security's session-id change, so a code asked
 * for by one user must not complete anything for the next one. Its own context (the property only sets
 * it apart), so that its starts do not spend the limits of {@link WhatsAppLoginConfigurerTest}'s; each test
 * sends to users of its own, so that none is refused as too soon after another's send.
 */
@SpringJUnitWebConfig(WhatsAppLoginConfigurerTest.App.class)
@TestPropertySource(properties = "test.context=factor-binding")
class WhatsAppFactorBindingTest {
    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        session = new MockHttpSession();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andReturn();
    }

    private void signInWithPassword(String username) throws Exception {
        mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
                .param("password", username + "-password")).andExpect(status().is3xxRedirection());
    }

    /**
     * The exact sequence of the issue: bob signs in and asks for his factor, alice signs in in the same
     * browser and types the code that reached bob's phone. Before the fix, /admin answered 200 for alice
     * with both factors, and alice's phone had received nothing.
     */
    @Test
    void aFactorCodeSentForBobDoesNotCompleteAlicesFactor() throws Exception {
        int alicesCodes = VERIFIERS.sendCount(ALICE);
        signInWithPassword("bob");
        assertThat(perform(post("/login/whatsapp/factor")).getResponse().getRedirectedUrl())
                .isEqualTo("/login/whatsapp/code");
        String bobsCode = VERIFIERS.lastCodeSentTo(BOB);

        signInWithPassword("alice");
        MvcResult typed = perform(post("/login/whatsapp/code").param("code", bobsCode));

        assertThat(typed.getResponse().getRedirectedUrl()).isNotEqualTo("/admin");
        mvc.perform(get("/admin").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(authenticated().withUsername("alice").withAuthentication(authentication ->
                        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                .contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                                .doesNotContain(WhatsAppFactor.AUTHORITY)));
        assertThat(VERIFIERS.sendCount(ALICE)).isEqualTo(alicesCodes);
    }

    /** At dave's sign-in, not only when a code is typed: nothing of carol's attempt is left in the session. */
    @Test
    void signingInDropsTheCodeAnotherUserAskedFor() throws Exception {
        signInWithPassword("carol");
        perform(post("/login/whatsapp/factor"));
        assertThat(session.getAttribute(PendingCode.SESSION_ATTRIBUTE)).isNotNull();

        signInWithPassword("dave");

        assertThat(session.getAttribute(PendingCode.SESSION_ATTRIBUTE)).isNull();
        assertThat(perform(get("/login/whatsapp/code")).getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp");
    }

    /** A sign-in code asked for while no one was signed in is dropped once someone is, by password or otherwise. */
    @Test
    void aSignInCodeAskedForBeforeSomeoneSignedInIsDropped() throws Exception {
        perform(post("/login/whatsapp").param("phone", BOB));
        String bobsCode = VERIFIERS.lastCodeSentTo(BOB);
        signInWithPassword("alice");

        MvcResult typed = perform(post("/login/whatsapp/code").param("code", bobsCode));

        assertThat(typed.getResponse().getRedirectedUrl()).isEqualTo("/login/whatsapp");
        mvc.perform(get("/").session(session)).andExpect(authenticated().withUsername("alice")
                .withAuthentication(authentication -> assertThat(authentication.getAuthorities())
                        .extracting(GrantedAuthority::getAuthority).doesNotContain(WhatsAppFactor.AUTHORITY)));
    }

    /** The factor page takes no number: a phone posted with it is ignored, and the code goes to the user's own. */
    @Test
    void theFactorPageSendsOnlyToTheSignedInUsersOwnNumber() throws Exception {
        int bobsCodes = VERIFIERS.sendCount(BOB);
        int alicesCodes = VERIFIERS.sendCount(ALICE);
        signInWithPassword("alice");

        perform(post("/login/whatsapp/factor").param("phone", BOB));

        assertThat(VERIFIERS.sendCount(BOB)).isEqualTo(bobsCodes);
        assertThat(VERIFIERS.sendCount(ALICE)).isEqualTo(alicesCodes + 1);
        assertThat(mvc.perform(get("/login/whatsapp/code").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("Code sent to \u2022\u2022\u2022 3210");
    }
}
