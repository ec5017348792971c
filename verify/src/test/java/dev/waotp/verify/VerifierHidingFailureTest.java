package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraException;
import dev.waotp.verify.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A number whose sends all fail, started with {@link Verifier#startHidingFailure}, gets every answer a number
 * started without sending gets: its failed codes stay pending, untold, so a sign-in form that answers a failed
 * send as a sent one tells no one which numbers have an account.
 */
class VerifierHidingFailureTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String REFUSED = "+919876543210";
    private static final String UNKNOWN = "+919876543211";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static Verifier verifier(MutableClock clock) {
        return Verifier.builder().secret(SECRET).clock(clock)
                .sender((phone, code) -> {
                    throw new KaleyraException("refused") {
                        private static final long serialVersionUID = 1L;
                    };
                })
                .build();
    }

    @Test
    void aNumberWhoseSendsFailGetsTheAnswersOfANumberStartedWithoutSending() {
        MutableClock refusedClock = new MutableClock(T0);
        Verifier forRefused = verifier(refusedClock);
        List<Object> refused = script(forRefused::startHidingFailure, forRefused, REFUSED, refusedClock);

        MutableClock unknownClock = new MutableClock(T0);
        Verifier forUnknown = verifier(unknownClock);
        List<Object> unknown = script(forUnknown::startWithoutSending, forUnknown, UNKNOWN, unknownClock);

        assertThat(refused).isEqualTo(unknown);
        assertThat(unknown).extracting(answer -> answer instanceof String ? answer : answer.getClass().getSimpleName())
                .contains("sent", "TooSoon", "RateLimited", "WrongCode", "TooManyAttempts", "Locked");
    }

    @Test
    void startStillWithdrawsTheCodeOfAFailedSend() {
        MutableClock clock = new MutableClock(T0);
        Verifier verifier = verifier(clock);
        assertThat(start(verifier::start, REFUSED)).isEqualTo("sent");

        assertThat(verifier.check(REFUSED, "000000")).isEqualTo(new CheckResult.NotPending());
        assertThat(start(verifier::start, REFUSED)).as("not refused as too soon").isEqualTo("sent");
    }

    /** Asks twice in a row, guesses until the code dies, waits out the resend wait; until the phone is locked. */
    private static List<Object> script(BiFunction<String, String, StartResult> start, Verifier verifier, String phone,
            MutableClock clock) {
        List<Object> answers = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            answers.add(start(start, phone));
            answers.add(start(start, phone));
            for (int guess = 0; guess < 6; guess++) {
                answers.add(verifier.check(phone, "00000" + guess));
            }
            clock.advance(Duration.ofSeconds(31));
        }
        return answers;
    }

    /** "sent" for a code sent, or kept untold, or whose send failed; a refusal as it is. */
    private static Object start(BiFunction<String, String, StartResult> start, String phone) {
        try {
            StartResult result = start.apply(phone, "caller");
            return result instanceof StartResult.Sent ? "sent" : result;
        } catch (KaleyraException e) {
            return "sent";
        }
    }
}
