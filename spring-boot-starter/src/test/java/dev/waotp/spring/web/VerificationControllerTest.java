package dev.waotp.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.VerificationStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.filter.ForwardedHeaderFilter;

class VerificationControllerTest {
    private static final String PHONE = "+919876543210";
    private static final String PATH = "/waotp/verify";

    private final TestVerifiers verifiers = new TestVerifiers();
    private final MockHttpSession session = new MockHttpSession();

    private MockMvc mvc(Verifier verifier) {
        return MockMvcBuilders.standaloneSetup(new VerificationController(verifier, Clock.systemUTC()))
                .addPlaceholderValue("waotp.web.path", PATH)
                .addFilters(new ForwardedHeaderFilter())
                .build();
    }

    private ResultActions start(MockMvc mvc, String phone, String forwardedFor) throws Exception {
        return mvc.perform(post(PATH + "/start").session(session).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", forwardedFor).content("{\"phone\":\"" + phone + "\"}"));
    }

    /** A check in the session of the test's starts. */
    private ResultActions check(MockMvc mvc, String code) throws Exception {
        return mvc.perform(post(PATH + "/check").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}"));
    }

    @Test
    void aSentCodeIsAcceptedWithItsExpiryAndResendWait() throws Exception {
        start(mvc(verifiers.builder().build()), PHONE, "203.0.113.7")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.resendAfterSeconds").value(30))
                .andExpect(jsonPath("$.sendsLeft").value(4))
                .andExpect(jsonPath("$.expiresAt").isString());
        assertThat(verifiers.sentTo(PHONE)).isTrue();
    }

    @Test
    void aSecondStartTooSoonIs429WithRetryAfterAndAProblemBody() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        start(mvc, PHONE, "203.0.113.7").andExpect(status().isAccepted());
        start(mvc, PHONE, "203.0.113.7")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:too-soon"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.retryAfterSeconds").value(30));
    }

    @Test
    void theCallerIsTheForwardedClientSoOneProxyDoesNotShareALimit() throws Exception {
        MockMvc mvc = mvc(verifiers.withCallerLimit(1));
        start(mvc, "+919876543211", "203.0.113.7").andExpect(status().isAccepted());
        start(mvc, "+919876543212", "198.51.100.9").andExpect(status().isAccepted());
        start(mvc, "+919876543213", "203.0.113.7")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:rate-limited"))
                .andExpect(jsonPath("$.limit").value("caller"))
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void ipv6CallersAreCountedPerSlash64() throws Exception {
        MockMvc mvc = mvc(verifiers.withCallerLimit(1));
        start(mvc, "+919876543211", "2001:db8:1:2::1").andExpect(status().isAccepted());
        start(mvc, "+919876543212", "2001:db8:1:2:ffff::9").andExpect(status().isTooManyRequests());
        start(mvc, "+919876543213", "2001:db8:1:3::1").andExpect(status().isAccepted());
    }

    @Test
    void theRightCodeIsApprovedOnce() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        start(mvc, PHONE, "203.0.113.7");
        String code = verifiers.lastCodeSentTo(PHONE);
        check(mvc, code).andExpect(status().isOk()).andExpect(jsonPath("$.approved").value(true));
        check(mvc, code).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));
    }

    @Test
    void aWrongCodeIs422WithTheAttemptsLeft() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        start(mvc, PHONE, "203.0.113.7");
        check(mvc, TestVerifiers.wrong(verifiers.lastCodeSentTo(PHONE)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:wrong-code"))
                .andExpect(jsonPath("$.attemptsLeft").value(4));
    }

    @Test
    void aLockedPhoneIs429UntilTheLockEnds() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().maxFailures(1).build());
        start(mvc, PHONE, "203.0.113.7");
        check(mvc, TestVerifiers.wrong(verifiers.lastCodeSentTo(PHONE)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:locked"))
                .andExpect(header().string("Retry-After", "3600"));
    }

    @Test
    void badInputIs400NamingTheFieldAndRule() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().build());
        start(mvc, "98765", "203.0.113.7")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:invalid-input"))
                .andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(post(PATH + "/check").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("code"));
        mvc.perform(post(PATH + "/start").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:invalid-input"));
    }

    @Test
    void aFailingStoreIs503AndApprovesNothing() throws Exception {
        MockMvc mvc = mvc(verifiers.builder().store(failingStore()).build());
        start(mvc, PHONE, "203.0.113.7")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:unavailable"));
        assertThat(verifiers.sentTo(PHONE)).isFalse();

        start(mvc(verifiers.builder().build()), PHONE, "203.0.113.7").andExpect(status().isAccepted());
        check(mvc, verifiers.lastCodeSentTo(PHONE))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.approved").doesNotExist());
        assertThat(session.getAttribute(VerifiedPhone.SESSION_ATTRIBUTE)).isNull();
    }

    /** A store whose Redis is down: every store call fails, whatever the SPI adds. */
    static VerificationStore failingStore() {
        return (VerificationStore) Proxy.newProxyInstance(VerificationStore.class.getClassLoader(),
                new Class<?>[] {VerificationStore.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "FailingStore"
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    throw new VerificationStoreException("store down");
                });
    }
}
