package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * "Send it by SMS instead" for a number without an account: {@link Verifier#resendBySmsWithoutSending} answers every
 * step as {@link Verifier#resendBySms} answers a number with one (the allow-list, the wait, the SMS cap, the rate
 * limits, the lock, and the channel {@link Verifier#delivery} reports), and sends nothing.
 */
class VerifierSmsInsteadWithoutSendingTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger heard = new AtomicInteger();

    private Verifier verifier(MutableClock clock) {
        return Verifier.builder().secret(SECRET).clock(clock)
                .sender((phone, code) -> {
                    sent.add("whatsapp " + phone);
                    return new SendResult(List.of("W" + sent.size()), "WA202", null);
                })
                .smsFallback(SmsFallback.builder((phone, code) -> {
                    sent.add("sms " + phone);
                    return new SendResult(List.of("S" + sent.size()), null, null);
                }).allowRegions("IN").cap(3, Duration.ofHours(1)).build())
                .listener(new VerificationListener() {
                    @Override
                    public void fellBack(FallbackResult result) {
                        heard.incrementAndGet();
                    }
                })
                .build();
    }

    @Test
    void aNumberWithoutAnAccountGetsTheAnswersOfARealResendBySmsAndNothingIsSent() {
        MutableClock knownClock = new MutableClock(T0);
        Verifier forKnown = verifier(knownClock);
        List<Object> known = script(forKnown::start, forKnown::resendBySms, forKnown, "+919876543210", "+447700900123",
                knownClock);
        assertThat(sent).filteredOn(s -> s.startsWith("sms")).isNotEmpty();
        assertThat(heard.get()).isPositive();
        sent.clear();
        heard.set(0);

        MutableClock unknownClock = new MutableClock(T0);
        Verifier forUnknown = verifier(unknownClock);
        List<Object> unknown = script(forUnknown::startWithoutSending, forUnknown::resendBySmsWithoutSending,
                forUnknown, "+919876543211", "+447700900124", unknownClock);

        assertThat(unknown).isEqualTo(known);
        assertThat(known).extracting(Object::toString).anyMatch(a -> a.contains("channel=SMS"))
                .anyMatch(a -> a.contains("TOO_SOON")).anyMatch(a -> a.contains("SMS_CAP_REACHED"))
                .anyMatch(a -> a.contains("RATE_LIMITED")).anyMatch(a -> a.contains("LOCKED"))
                .anyMatch(a -> a.contains("COUNTRY_NOT_ALLOWED"));
        assertThat(sent).isEmpty();
        assertThat(heard).hasValue(0);
    }

    @Test
    void aLockedResendSaysHowLongTheLockLasts() {
        MutableClock clock = new MutableClock(T0);
        Verifier verifier = verifier(clock);
        verifier.start("+919876543210", "caller");
        for (int i = 0; i < 5; i++) {
            verifier.check("+919876543210", "00000" + i);
        }
        clock.advance(Duration.ofSeconds(31));
        verifier.resendBySms("+919876543210", "caller");
        for (int i = 0; i < 5; i++) {
            verifier.check("+919876543210", "00000" + i);
        }
        clock.advance(Duration.ofMinutes(10));

        assertThat(verifier.resendBySms("+919876543210", "caller")).isEqualTo(new FallbackResult.Refused(
                FallbackReason.ASKED, FallbackResult.Refusal.LOCKED, Duration.ofMinutes(50)));
    }

    /**
     * A user who asks for SMS too soon, then until the SMS cap and the phone's limit refuse, then guesses until the
     * phone is locked and asks again; and one abroad. Every answer and every reported channel recorded.
     */
    private static List<Object> script(BiFunction<String, String, StartResult> start,
            BiFunction<String, String, FallbackResult> bySms, Verifier verifier, String phone, String abroad,
            MutableClock clock) {
        List<Object> answers = new ArrayList<>();
        answers.add(comparable(start.apply(phone, "caller")));
        answers.add(verifier.delivery(phone));
        answers.add(comparable(bySms.apply(phone, "caller")));
        for (int ask = 0; ask < 4; ask++) {
            clock.advance(Duration.ofSeconds(31));
            answers.add(comparable(bySms.apply(phone, "caller")));
            answers.add(verifier.delivery(phone));
            answers.add(verifier.check(phone, "000000"));
        }
        clock.advance(Duration.ofSeconds(31));
        answers.add(comparable(start.apply(phone, "caller")));
        clock.advance(Duration.ofSeconds(31));
        answers.add(comparable(start.apply(phone, "caller")));
        answers.add(comparable(bySms.apply(phone, "caller")));
        clock.advance(Duration.ofMinutes(61));
        answers.add(comparable(start.apply(phone, "caller")));
        for (int round = 0; round < 2; round++) {
            for (int guess = 0; guess < 5; guess++) {
                answers.add(verifier.check(phone, "00000" + guess));
            }
            clock.advance(Duration.ofSeconds(31));
            answers.add(comparable(bySms.apply(phone, "caller")));
            answers.add(verifier.delivery(phone));
        }
        answers.add(comparable(bySms.apply(abroad, "caller")));
        return answers;
    }

    /** An answer without the provider's, which only a real send has. */
    private static Object comparable(Object result) {
        if (result instanceof StartResult.Sent sent) {
            return "start sent " + sent.expiresAt() + " " + sent.resendAfter() + " " + sent.sendsLeft()
                    + " channel=" + sent.channel();
        }
        if (result instanceof FallbackResult.Sent sent) {
            return "sms sent " + sent.reason() + " " + sent.expiresAt() + " channel=" + sent.channel();
        }
        return result;
    }
}
