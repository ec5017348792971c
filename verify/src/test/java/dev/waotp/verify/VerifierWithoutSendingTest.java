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
 * A number started without sending gets every answer a number that was sent a code gets, when the code
 * typed is wrong, and nothing reaches it: a sign-in form can treat numbers without an account this way
 * and tell no one which numbers have one (docs/SECURITY.md).
 */
class VerifierWithoutSendingTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String KNOWN = "+919876543210";
    private static final String UNKNOWN = "+919876543211";

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final List<String> sentTo = new ArrayList<>();
    private final AtomicInteger heard = new AtomicInteger();

    private Verifier verifier(MutableClock clock) {
        return Verifier.builder().secret(SECRET).clock(clock)
                .sender((phone, code) -> {
                    sentTo.add(phone);
                    return new SendResult(List.of("A" + sentTo.size()), "WA202", null);
                })
                .listener(new VerificationListener() {
                    @Override
                    public void started(StartResult result) {
                        heard.incrementAndGet();
                    }
                })
                .build();
    }

    @Test
    void anUnknownNumberGetsTheKnownNumbersAnswersAndNothingIsSent() {
        MutableClock knownClock = new MutableClock(T0);
        Verifier forKnown = verifier(knownClock);
        List<Object> known = script(forKnown::start, forKnown, KNOWN, knownClock);
        assertThat(sentTo).isNotEmpty();
        sentTo.clear();
        heard.set(0);

        MutableClock unknownClock = new MutableClock(T0);
        Verifier forUnknown = verifier(unknownClock);
        List<Object> unknown = script(forUnknown::startWithoutSending, forUnknown, UNKNOWN, unknownClock);

        assertThat(unknown).isEqualTo(known);
        // The script reached every kind of answer but Approved, so the equality above covers them all.
        assertThat(known).extracting(answer -> answer.getClass().getSimpleName()).contains("NotPending", "Sent",
                "Expired", "TooSoon", "RateLimited", "WrongCode", "TooManyAttempts", "Locked");
        assertThat(sentTo).isEmpty();
        assertThat(heard).hasValue(0);
    }

    /**
     * A user who types a code before asking for one, lets a code expire, asks again too soon, types wrong
     * codes until the code dies, asks for new codes until the phone's limit refuses, and goes on guessing
     * until the phone is locked; every answer recorded.
     */
    private static List<Object> script(BiFunction<String, String, StartResult> start, Verifier verifier, String phone,
            MutableClock clock) {
        List<Object> answers = new ArrayList<>();
        answers.add(verifier.check(phone, "000000"));
        answers.add(comparable(start.apply(phone, "caller-first")));
        clock.advance(Duration.ofMinutes(11));
        answers.add(verifier.check(phone, "000000"));
        for (int round = 0; round < 8; round++) {
            answers.add(comparable(start.apply(phone, "caller-" + round)));
            answers.add(comparable(start.apply(phone, "caller-" + round)));
            for (int guess = 0; guess < 6; guess++) {
                answers.add(verifier.check(phone, "00000" + guess));
            }
            clock.advance(Duration.ofSeconds(31));
        }
        return answers;
    }

    /** A start's answer without Kaleyra's, which only a real send has. */
    private static Object comparable(StartResult result) {
        return result instanceof StartResult.Sent sent
                ? new Sent(sent.expiresAt(), sent.resendAfter(), sent.sendsLeft(), sent.channel())
                : result;
    }

    private record Sent(Instant expiresAt, Duration resendAfter, int sendsLeft, Channel channel) {}
}
