package dev.waotp.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.KaleyraException;
import dev.waotp.SendResult;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Issue 26, point 3 over JSON: the start says which channel carried the code, {@code POST .../sms} sends it by SMS
 * instead to the session's phone within the limits, and {@code GET .../status} tells the channel and the delivery.
 */
class VerificationChannelTest {
    private static final String PHONE = "+919876543210";
    private static final String NOT_ON_WHATSAPP = "+919800000131";
    private static final String OTHER = "+919800000777";
    private static final String ABROAD = "+447700900123";
    private static final String PATH = "/waotp/verify";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<String> sms = new CopyOnWriteArrayList<>();
    private final Map<String, String> smsCodes = new ConcurrentHashMap<>();
    private final Map<String, String> tags = new ConcurrentHashMap<>();
    private final Verifier verifier = Verifier.builder()
            .secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).clock(clock)
            .rateLimits(RateLimits.builder().perPhone(3, Duration.ofHours(1)).build())
            .trackedSender((phone, code, tag) -> {
                if (phone.equals(NOT_ON_WHATSAPP)) {
                    throw new KaleyraException("not on WhatsApp") {};
                }
                tags.put(phone, tag);
                return new SendResult(List.of("msg"), null, null);
            })
            .smsFallback(SmsFallback.builder((phone, code) -> {
                sms.add(phone);
                smsCodes.put(phone, code);
                return new SendResult(List.of("sms"), null, null);
            }).allowRegions("IN").fallBackOnSendFailure(e -> e.getMessage().contains("not on WhatsApp")).build())
            .build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new VerificationController(verifier, clock))
            .addPlaceholderValue("waotp.web.path", PATH).build();
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void theStartSaysWhichChannelCarriedTheCode() throws Exception {
        start(PHONE).andExpect(status().isAccepted()).andExpect(jsonPath("$.channel").value("whatsapp"));
        start(NOT_ON_WHATSAPP).andExpect(status().isAccepted()).andExpect(jsonPath("$.channel").value("sms"));
        assertThat(sms).containsExactly(NOT_ON_WHATSAPP);
    }

    @Test
    void smsInsteadGoesToTheSessionsPhoneWithinTheWaitAndItsCodeSignsIn() throws Exception {
        start(PHONE);
        sms("{\"phone\":\"" + OTHER + "\"}").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:too-soon"))
                .andExpect(header().string("Retry-After", "30"));
        clock.advance(Duration.ofSeconds(31));

        sms("{\"phone\":\"" + OTHER + "\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.channel").value("sms")).andExpect(jsonPath("$.expiresAt").exists());
        assertThat(sms).containsExactly(PHONE);
        statusOf().andExpect(jsonPath("$.channel").value("sms")).andExpect(jsonPath("$.delivery").value("pending"));

        mvc.perform(post(PATH + "/check").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + smsCodes.get(PHONE) + "\"}")).andExpect(status().isOk());
    }

    @Test
    void smsInsteadPastThePhonesLimitIsRateLimitedWithRetryAfter() throws Exception {
        start(PHONE);
        for (int ask = 0; ask < 2; ask++) {
            clock.advance(Duration.ofSeconds(31));
            sms(null).andExpect(status().isAccepted());
        }
        clock.advance(Duration.ofSeconds(31));

        sms(null).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:rate-limited"))
                .andExpect(header().exists("Retry-After"));
        assertThat(sms).hasSize(2);
    }

    @Test
    void smsInsteadForALockedPhoneSaysHowLongTheLockLasts() throws Exception {
        start(PHONE);
        for (int round = 0; round < 2; round++) {
            for (int guess = 0; guess < 5; guess++) {
                mvc.perform(post(PATH + "/check").session(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"0000000\"}"));
            }
            clock.advance(Duration.ofSeconds(31));
            if (round == 0) {
                sms(null).andExpect(status().isAccepted());
            }
        }

        sms(null).andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.type").value("urn:waotp:verify:locked"))
                .andExpect(header().string("Retry-After", "3569"));
    }

    @Test
    void smsInsteadToANumberSmsMayNotReachIsRefusedAndSendsNothing() throws Exception {
        start(ABROAD);
        clock.advance(Duration.ofSeconds(31));

        sms(null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:sms-not-allowed"));
        assertThat(sms).isEmpty();
    }

    @Test
    void aSessionThatStartedNothingHasNoSmsAndNoStatus() throws Exception {
        start(PHONE);
        MockHttpSession other = new MockHttpSession();

        mvc.perform(post(PATH + "/sms").session(other)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));
        mvc.perform(get(PATH + "/status").session(other)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:waotp:verify:not-pending"));
        assertThat(sms).isEmpty();
    }

    @Test
    void theStatusFollowsTheDeliveryAndAFailureThatFallsBack() throws Exception {
        start(PHONE);
        statusOf().andExpect(status().isOk()).andExpect(jsonPath("$.channel").value("whatsapp"))
                .andExpect(jsonPath("$.delivery").value("pending")).andExpect(jsonPath("$.smsFallback").value(true));

        verifier.onStatus(callback(DeliveryState.DELIVERED));
        statusOf().andExpect(jsonPath("$.delivery").value("delivered"));

        start(OTHER);
        verifier.onStatus(callback(DeliveryState.NOT_SENT));
        statusOf().andExpect(jsonPath("$.channel").value("sms")).andExpect(jsonPath("$.delivery").value("pending"));
        assertThat(sms).containsExactly(OTHER);
    }

    private DeliveryStatus callback(DeliveryState state) {
        String phone = tags.containsKey(OTHER) ? OTHER : PHONE;
        return new DeliveryStatus(state, "msg", null, phone, null, null, null, null, null, tags.get(phone));
    }

    private ResultActions start(String phone) throws Exception {
        return mvc.perform(post(PATH + "/start").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\"}"));
    }

    private ResultActions sms(String body) throws Exception {
        return mvc.perform(body == null ? post(PATH + "/sms").session(session)
                : post(PATH + "/sms").session(session).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions statusOf() throws Exception {
        return mvc.perform(get(PATH + "/status").session(session));
    }
}
