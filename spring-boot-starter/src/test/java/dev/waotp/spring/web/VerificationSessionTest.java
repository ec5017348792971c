package dev.waotp.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Issue 24, point 8: the JSON check is bound to the session that started it. The phone is the session's,
 * never the body's; another session, or another user in the same one, approves nothing; and checks count
 * against the caller's check limit, like starts.
 */
class VerificationSessionTest {
    private static final String PHONE = "+919876543210";
    private static final String PATH = "/waotp/verify";

    private final TestVerifiers verifiers = new TestVerifiers();

    private static MockMvc mvc(Verifier verifier) {
        return MockMvcBuilders.standaloneSetup(new VerificationController(verifier, Clock.systemUTC()))
                .addPlaceholderValue("waotp.web.path", PATH).build();
    }

    static ResultActions start(MockMvc mvc, MockHttpSession session, String phone, String caller,
            @Nullable String user) throws Exception {
        return mvc.perform(post(PATH + "/start").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\"}").with(request -> {
                    request.setRemoteAddr(caller);
                    request.setRemoteUser(user);
                    return request;
                }));
    }

    static ResultActions check(MockMvc mvc, MockHttpSession session, String body, String caller,
            @Nullable String user) throws Exception {
        return mvc.perform(post(PATH + "/check").session(session).contentType(MediaType.APPLICATION_JSON)
                .content(body).with(request -> {
                    request.setRemoteAddr(caller);
                    request.setRemoteUser(user);
                    return request;
                }));
    }

    private static String code(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    @Test
    void aCheckFromASessionThatStartedNothingIsRefusedAndCostsTheCodeNothing() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        MockHttpSession owner = new MockHttpSession();
        start(mvc, owner, PHONE, "203.0.113.7", null).andExpect(status().isAccepted());
        String right = verifiers.lastCodeSentTo(PHONE);

        check(mvc, new MockHttpSession(), code(right), "198.51.100.9", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));

        check(mvc, owner, code(TestVerifiers.wrong(right)), "203.0.113.7", null)
                .andExpect(jsonPath("$.attemptsLeft").value(4));
        check(mvc, owner, code(right), "203.0.113.7", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.approved").value(true));
    }

    /** SECURITY.md's own rule: never a phone posted with the code. Refused, so a client that sends one learns why. */
    @Test
    void aPhonePostedWithTheCodeIsRefusedNamingTheField() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        MockHttpSession session = new MockHttpSession();
        start(mvc, session, PHONE, "203.0.113.7", null);

        check(mvc, session, "{\"phone\":\"" + PHONE + "\",\"code\":\"" + verifiers.lastCodeSentTo(PHONE) + "\"}",
                "203.0.113.7", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:invalid-input"))
                .andExpect(jsonPath("$.field").value("phone"))
                .andExpect(jsonPath("$.rule").value("must not be sent: the code is checked for the phone this"
                        + " session started"));
    }

    @Test
    void aCheckAfterTheSignedInUserChangedIsRefused() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        MockHttpSession session = new MockHttpSession();
        start(mvc, session, PHONE, "203.0.113.7", "bob");

        check(mvc, session, code(verifiers.lastCodeSentTo(PHONE)), "203.0.113.7", "alice")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));
        // Dropped, not kept for bob's return.
        check(mvc, session, code(verifiers.lastCodeSentTo(PHONE)), "203.0.113.7", "bob")
                .andExpect(status().isUnprocessableContent());
    }

    /**
     * One client, 25 numbers, each started in its own session by its own caller: the client's checks are
     * refused past its check limit (20 here), with the wait, and the refused ones cost their codes nothing.
     */
    @Test
    void checksFromOneCallerAcrossManyNumbersAreRefusedPastItsCheckLimit() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().rateLimits(RateLimits.builder()
                .perCallerChecks(20, Duration.ofHours(1)).without(RateLimit.CALLER).build()).build());
        List<MockHttpSession> sessions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            MockHttpSession session = new MockHttpSession();
            start(mvc, session, "+9198000" + (10_000 + i), "192.0.2." + (i + 1), null).andExpect(status().isAccepted());
            sessions.add(session);
        }

        for (int i = 0; i < 25; i++) {
            ResultActions answer = check(mvc, sessions.get(i), code("000000"), "203.0.113.66", null);
            if (i < 20) {
                answer.andExpect(status().isUnprocessableContent());
            } else {
                answer.andExpect(status().isTooManyRequests())
                        .andExpect(jsonPath("$.type").value("urn:waotp:verify:rate-limited"))
                        .andExpect(jsonPath("$.limit").value("caller_checks"))
                        .andExpect(header().string("Retry-After", "180"));
            }
        }
        String last = "+9198000" + (10_000 + 24);
        check(mvc, sessions.get(24), code(TestVerifiers.wrong(verifiers.lastCodeSentTo(last))), "192.0.2.25", null)
                .andExpect(jsonPath("$.attemptsLeft").value(4));
    }

    private static MockHttpServletRequest requestIn(MockHttpSession session, @Nullable String user) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        request.setRemoteUser(user);
        return request;
    }

    @Test
    void theApprovalIsKeptInTheSessionForTheServerToReadUnderANewSessionId() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        MockHttpSession session = new MockHttpSession();
        start(mvc, session, PHONE, "203.0.113.7", null);
        assertThat(VerifiedPhone.from(requestIn(session, null))).isEmpty();
        String before = session.getId();

        check(mvc, session, code(verifiers.lastCodeSentTo(PHONE)), "203.0.113.7", null).andExpect(status().isOk());

        assertThat(VerifiedPhone.from(requestIn(session, null))).hasValueSatisfying(verified -> {
            assertThat(verified.phone()).isEqualTo(PHONE);
            assertThat(verified.purpose()).isEqualTo(Verifier.DEFAULT_PURPOSE);
            assertThat(verified.user()).isNull();
        });
        assertThat(session.getAttribute(VerifiedPhone.SESSION_ATTRIBUTE)).isInstanceOf(VerifiedPhone.class);
        assertThat(session.getId()).isNotEqualTo(before);
        check(mvc, session, code(verifiers.lastCodeSentTo(PHONE)), "203.0.113.7", null)
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));
    }

    @Test
    void aPhoneBobVerifiedIsNotAlicesOnceSheIsSignedInInTheSameSession() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        MockHttpSession session = new MockHttpSession();
        start(mvc, session, PHONE, "203.0.113.7", "bob");
        check(mvc, session, code(verifiers.lastCodeSentTo(PHONE)), "203.0.113.7", "bob").andExpect(status().isOk());
        assertThat(VerifiedPhone.from(requestIn(session, "bob"))).map(VerifiedPhone::user).hasValue("bob");

        assertThat(VerifiedPhone.from(requestIn(session, "alice"))).isEmpty();
        assertThat(VerifiedPhone.from(requestIn(session, null))).isEmpty();
        assertThat(session.getAttribute(VerifiedPhone.SESSION_ATTRIBUTE)).isNull();
    }
}
