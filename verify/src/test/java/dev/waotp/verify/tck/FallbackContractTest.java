package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.Channel;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.FallbackResult.Refusal;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the SMS fallback costs, on every backend. An automatic fallback is part of the start it replaces: it takes no
 * rate-limit token of its own, and its SMS takes the failed message's place (the same send, wait, expiry and
 * attempts), so a number whose WhatsApp fails answers every ask as a number without an account does. A fallback
 * that ends refused gives back every token it took. Concurrent fallbacks for one failed message send one SMS.
 */
public abstract class FallbackContractTest extends FallbackFixture {
    private static final Duration ASK_EVERY = Duration.ofSeconds(31);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int THREADS = 32;

    /**
     * Someone asks every 31 seconds for a code for a number whose WhatsApp send is refused (it falls back to SMS) and
     * for a number without an account, and types a wrong code after each ask.
     */
    @Test
    void aNumberWhoseWhatsappIsRefusedAnswersAsANumberWithoutAnAccount() {
        Verifier verifier = instance();
        List<String> refused = new ArrayList<>();
        List<String> stranger = new ArrayList<>();
        for (int ask = 0; ask < 8; ask++) {
            refused.add(answer(() -> verifier.start(REFUSED, "caller-1")));
            stranger.add(answer(() -> verifier.startWithoutSending(STRANGER, "caller-2")));
            refused.add(verifier.check(REFUSED, WRONG).toString());
            stranger.add(verifier.check(STRANGER, WRONG).toString());
            clock.advance(ASK_EVERY);
        }

        assertThat(refused).isEqualTo(stranger);
        assertThat(stranger).filteredOn(answer -> answer.startsWith("Sent")).hasSize(5);
        assertThat(stranger).filteredOn(answer -> answer.startsWith("RateLimited")).hasSize(3);
        assertThat(sms).hasSize(5).containsOnly(REFUSED);
    }

    /**
     * The same for a number whose WhatsApp message is taken and reported failed two seconds later: its SMS changes
     * neither the wait before the next ask, nor the sends left, nor the attempts left for the code.
     */
    @Test
    void aNumberWhoseWhatsappFailsByCallbackAnswersAsANumberWithoutAnAccount() {
        Verifier verifier = instance();
        List<String> undelivered = new ArrayList<>();
        List<String> stranger = new ArrayList<>();
        for (int ask = 0; ask < 8; ask++) {
            String sent = answer(() -> verifier.start(UNDELIVERED, "caller-1"));
            undelivered.add(sent);
            stranger.add(answer(() -> verifier.startWithoutSending(STRANGER, "caller-2")));
            undelivered.add(verifier.check(UNDELIVERED, WRONG).toString());
            stranger.add(verifier.check(STRANGER, WRONG).toString());
            clock.advance(Duration.ofSeconds(2));
            if (sent.startsWith("Sent")) {
                verifier.onStatus(failedCallbackFor(UNDELIVERED));
            }
            undelivered.add(verifier.check(UNDELIVERED, WRONG).toString());
            stranger.add(verifier.check(STRANGER, WRONG).toString());
            clock.advance(ASK_EVERY.minusSeconds(2));
        }

        assertThat(undelivered).isEqualTo(stranger);
        assertThat(stranger).filteredOn(answer -> answer.startsWith("Sent")).hasSize(5);
        assertThat(sms).hasSize(5).containsOnly(UNDELIVERED);
    }

    @Test
    void threeAskedResendsTakeOneSmsFromTheCapAndTheNextUsersFallbackStillGetsOne() {
        Verifier verifier = instance(UnaryOperator.identity(), sms -> sms.cap(3, HOUR));
        verifier.start(ASKER, "caller-1");
        clock.advance(ASK_EVERY);

        assertThat(verifier.resendBySms(ASKER, "caller-1")).isInstanceOf(FallbackResult.Sent.class);
        for (int i = 0; i < 2; i++) {
            assertThat(verifier.resendBySms(ASKER, "caller-1")).isInstanceOfSatisfying(FallbackResult.Refused.class,
                    refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TOO_SOON));
        }

        assertThat(verifier.start(REFUSED, "caller-2")).as("two of the cap are left")
                .isInstanceOfSatisfying(StartResult.Sent.class, sent -> assertThat(sent.channel()).isEqualTo(Channel.SMS));
        assertThat(verifier.start("+919800000134", "caller-3"))
                .isInstanceOfSatisfying(StartResult.Sent.class, sent -> assertThat(sent.channel()).isEqualTo(Channel.SMS));
        assertThatThrownBy(() -> verifier.start("+919800000135", "caller-4")).isInstanceOf(NotOnWhatsApp.class);
        assertThat(fallbacks.get(fallbacks.size() - 1)).isInstanceOfSatisfying(FallbackResult.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SMS_CAP_REACHED));
        assertThat(sms).containsExactly(ASKER, REFUSED, "+919800000134");
    }

    @Test
    void refusedResendsGiveThePhoneAndTheApplicationTheirTokensBackAndNoMore() {
        RateLimits limits = RateLimits.builder().perPhone(2, HOUR).perApplication(3, HOUR).build();
        Verifier verifier = instance(options -> options.rateLimits(limits), UnaryOperator.identity());
        verifier.start(ASKER, "caller-1");
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.resendBySms(ASKER, "caller-1")).isInstanceOfSatisfying(FallbackResult.Refused.class,
                    refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TOO_SOON));
        }
        clock.advance(ASK_EVERY);

        assertThat(verifier.resendBySms(ASKER, "caller-1")).isInstanceOf(FallbackResult.Sent.class);
        assertThat(verifier.start(UNDELIVERED, "caller-2")).isInstanceOf(StartResult.Sent.class);
        clock.advance(ASK_EVERY);
        assertThat(verifier.resendBySms(ASKER, "caller-1")).isInstanceOfSatisfying(FallbackResult.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.RATE_LIMITED));
        assertThat(verifier.start(STRANGER, "caller-3")).isInstanceOfSatisfying(StartResult.RateLimited.class,
                limited -> assertThat(limited.limit()).isEqualTo(RateLimit.APPLICATION));
    }

    /**
     * Two application instances hear the failed callback of one message and are asked for the code by SMS at the same
     * moment, from many threads: one SMS goes out, and afterwards the SMS cap and the phone's limit hold exactly what
     * that one fallback and the start left.
     */
    @Test
    void concurrentFallbacksForOneFailedMessageSendOneSmsAndLeaveTheLimitsExact() throws Exception {
        Verifier one = instance(UnaryOperator.identity(), sms -> sms.cap(10, HOUR));
        Verifier other = instance(UnaryOperator.identity(), sms -> sms.cap(10, HOUR));
        one.start(ASKER, "caller");
        var failed = failedCallbackFor(ASKER);
        AtomicInteger next = new AtomicInteger();

        List<Object> answers = Concurrently.run(THREADS, () -> {
            int thread = next.getAndIncrement();
            Verifier instance = thread % 4 < 2 ? one : other;
            if (thread % 2 == 0) {
                instance.onStatus(failed);
                return "callback";
            }
            return instance.resendBySms(ASKER, "caller-" + thread);
        });

        assertThat(sms).containsExactly(ASKER);
        // A resend holds the phone's token until the store refuses it, so others at that moment may see the limit.
        assertThat(answers).filteredOn(FallbackResult.class::isInstance).hasSize(THREADS / 2).allSatisfy(answer ->
                assertThat(((FallbackResult.Refused) answer).refusal()).isIn(Refusal.TOO_SOON, Refusal.RATE_LIMITED));
        int capLeft = 0;
        FallbackResult probe;
        while ((probe = other.resendBySms("+91980000" + (1000 + capLeft), "probe-" + capLeft)) instanceof FallbackResult.Sent) {
            capLeft++;
        }
        assertThat(capLeft).as("the SMS cap's tokens left").isEqualTo(10 - 1);
        assertThat(((FallbackResult.Refused) probe).refusal()).isEqualTo(Refusal.SMS_CAP_REACHED);
        int phoneLeft = 0;
        StartResult start;
        do {
            clock.advance(ASK_EVERY);
            start = one.start(ASKER, "caller");
        } while (start instanceof StartResult.Sent && ++phoneLeft < 10);
        assertThat(start).isInstanceOfSatisfying(StartResult.RateLimited.class,
                limited -> assertThat(limited.limit()).isEqualTo(RateLimit.PHONE));
        assertThat(phoneLeft).as("the phone's tokens left").isEqualTo(5 - 1);
    }
}
