package dev.waotp.spring.security;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.waotp.DeliveryState;
import dev.waotp.KaleyraException;
import dev.waotp.SendResult;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.spring.security.WhatsAppLoginFallbackTest.NotOnWhatsApp;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A number with an account whose code cannot be sent (Kaleyra refuses it, or its SMS fallback is refused for its
 * region) is answered on the sign-in form exactly as a number without an account, however often someone asks:
 * "we sent a code", the same resend wait, the same answers to guessed codes. A store outage is answered the same
 * for every number.
 */
@SpringJUnitWebConfig(WhatsAppLoginRefusedSendTest.App.class)
class WhatsAppLoginRefusedSendTest {
    static final String REFUSED = "+919800000500";
    static final String ABROAD = "+447700900131";
    static final String STRANGER = "+919800000404";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    static final List<String> SMS = new CopyOnWriteArrayList<>();
    static volatile boolean outage;

    @Autowired
    WebApplicationContext context;

    @Test
    void numbersWhoseCodesCannotBeSentGetTheAnswersOfANumberWithoutAnAccount() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        ListAppender<ILoggingEvent> log = captureLog();
        MockHttpSession refusedSession = new MockHttpSession();
        MockHttpSession abroadSession = new MockHttpSession();
        MockHttpSession strangerSession = new MockHttpSession();
        List<String> refused = new ArrayList<>();
        List<String> abroad = new ArrayList<>();
        List<String> stranger = new ArrayList<>();
        for (int ask = 0; ask < 8; ask++) {
            refused.addAll(askTwiceAndGuess(mvc, refusedSession, REFUSED));
            abroad.addAll(askTwiceAndGuess(mvc, abroadSession, ABROAD));
            stranger.addAll(askTwiceAndGuess(mvc, strangerSession, STRANGER));
            CLOCK.advance(Duration.ofSeconds(31));
        }

        assertThat(refused).isEqualTo(stranger);
        assertThat(abroad).isEqualTo(stranger);
        assertThat(stranger).anySatisfy(answer -> assertThat(answer).contains("We sent a code"))
                .anySatisfy(answer -> assertThat(answer).contains("Wait 30 seconds"))
                .anySatisfy(answer -> assertThat(answer).contains("Wrong code. 4 attempts left."))
                .anySatisfy(answer -> assertThat(answer).contains("Too many codes were asked for"))
                .noneSatisfy(answer -> assertThat(answer).contains("could not be sent"));
        assertThat(SMS).isEmpty();
        List<ILoggingEvent> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("no code could be sent").doesNotContain("9800000500").doesNotContain("7700900131"));
    }

    @Test
    void aStoreOutageIsAnsweredTheSameForEveryNumber() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        outage = true;
        try {
            String forRefused = answer(mvc, new MockHttpSession(), REFUSED, null);
            String forStranger = answer(mvc, new MockHttpSession(), STRANGER, null);

            assertThat(forRefused).isEqualTo(forStranger).contains("unavailable right now");
        } finally {
            outage = false;
        }
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(WhatsAppCodeSendFilter.class)).addAppender(appender);
        return appender;
    }

    /** Asks for a code, asks again at once, then types a wrong one: each page, the number hidden. */
    private static List<String> askTwiceAndGuess(MockMvc mvc, MockHttpSession session, String phone) throws Exception {
        return List.of(answer(mvc, session, phone, null), answer(mvc, session, phone, null),
                answer(mvc, session, phone, post("/login/whatsapp/code").session(session).with(csrf()).param("code", "0000000")));
    }

    private static String answer(MockMvc mvc, MockHttpSession session, String phone, MockHttpServletRequestBuilder form)
            throws Exception {
        MockHttpServletRequestBuilder request = form != null ? form
                : post("/login/whatsapp").session(session).with(csrf()).param("phone", phone);
        // Each number asks from its own network, so that the per-caller limit counts its asks only.
        String address = (10 + Integer.parseInt(phone.substring(phone.length() - 2))) + ".1.2.3";
        String next = mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(next).session(session)).andReturn().getResponse().getContentAsString();
        return next + "\n" + page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replace(phone, "<the number typed>").replace(phone.substring(phone.length() - 4), "####");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class App {
        @Bean
        Verifier verifier() {
            return Verifier.builder().secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                    .clock(CLOCK)
                    .store(new OutageStore(new InMemoryVerificationStore()))
                    .sender((phone, code) -> {
                        if (phone.equals(REFUSED)) {
                            throw new KaleyraException("Kaleyra refused the message") {
                                private static final long serialVersionUID = 1L;
                            };
                        }
                        if (phone.equals(ABROAD)) {
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
                    .with(whatsAppLogin(), whatsApp -> whatsApp.clock(CLOCK).users(phone -> phone.equals(REFUSED)
                            || phone.equals(ABROAD) ? User.withUsername("u" + phone).password("{noop}unused").roles("USER")
                            .build() : null));
            return http.build();
        }
    }

    /** The in-memory store, failing every start while {@link #outage} is set. */
    record OutageStore(VerificationStore store) implements VerificationStore {
        @Override
        public StartDecision start(VerificationKey key, NewCode code, Instant now, StartRules rules) {
            if (outage) {
                throw new VerificationStoreException("the store is down (test)");
            }
            return store.start(key, code, now, rules);
        }

        @Override
        public StartDecision replace(VerificationKey key, String failedTag, NewCode code, Instant now) {
            return store.replace(key, failedTag, code, now);
        }

        @Override
        public DeliveryUpdate recordDelivery(VerificationKey key, String tag, DeliveryState state, Instant now) {
            return store.recordDelivery(key, tag, state, now);
        }

        @Override
        public Optional<dev.waotp.verify.spi.PendingCode> pending(VerificationKey key, Instant now) {
            return store.pending(key, now);
        }

        @Override
        public CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules) {
            return store.check(key, candidates, now, rules);
        }

        @Override
        public void discard(VerificationKey key, byte[] codeHmac) {
            store.discard(key, codeHmac);
        }
    }
}
