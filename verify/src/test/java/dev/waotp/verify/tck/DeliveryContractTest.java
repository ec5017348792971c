package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.DeliveryState;
import dev.waotp.verify.Channel;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.VerificationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
/** The contract's delivery part: the pending code's tag, channel and state, and the fallback's replace. */
public abstract class DeliveryContractTest extends LockoutContractTest {
    @Test
    void pendingNamesTheLiveCodesTagAndChannelButNoHmac() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.pending(key(phone), t0)).hasValue(new PendingCode(code(CODE_A).tag(), Channel.WHATSAPP, null));
        assertThat(store.pending(key(phone), t0.plus(LIFETIME))).isEmpty();
        assertThat(store.pending(key(phone + "1"), t0)).isEmpty();
    }

    @Test
    void deliveryStatesMoveOnlyForwardAndALateDeliveredNeverReplacesAFailure() {
        String tag = code(CODE_A).tag();
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.SENT, t0)).isEqualTo(DeliveryUpdate.UPDATED);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.FAILED, t0)).isEqualTo(DeliveryUpdate.FAILED);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.FAILED, t0)).isEqualTo(DeliveryUpdate.UNCHANGED);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.DELIVERED, t0)).isEqualTo(DeliveryUpdate.UNCHANGED);
        assertThat(store.pending(key(phone), t0)).map(PendingCode::state).hasValue(DeliveryState.FAILED);
    }

    @Test
    void aDeliveredMessageNeverTurnsFailedAndStatesInAnyOrderEndTheSame() {
        String tag = code(CODE_A).tag();
        store.start(key(phone), code(CODE_A), t0, RULES);

        store.recordDelivery(key(phone), tag, DeliveryState.READ, t0);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.DELIVERED, t0)).isEqualTo(DeliveryUpdate.UNCHANGED);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.SENT, t0)).isEqualTo(DeliveryUpdate.UNCHANGED);
        assertThat(store.recordDelivery(key(phone), tag, DeliveryState.NOT_SENT, t0)).isEqualTo(DeliveryUpdate.UNCHANGED);
        assertThat(store.pending(key(phone), t0)).map(PendingCode::state).hasValue(DeliveryState.READ);
    }

    @Test
    void aStatusForAReplacedOrUnknownMessageChangesNothing() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.start(key(phone), code(CODE_B), t0.plus(RESEND_AFTER), RULES);

        assertThat(store.recordDelivery(key(phone), code(CODE_A).tag(), DeliveryState.FAILED, t0.plus(RESEND_AFTER)))
                .isEqualTo(DeliveryUpdate.NOT_CURRENT);
        assertThat(store.recordDelivery(key(phone), "someone-else", DeliveryState.FAILED, t0.plus(RESEND_AFTER)))
                .isEqualTo(DeliveryUpdate.NOT_CURRENT);
        assertThat(store.pending(key(phone), t0.plus(RESEND_AFTER))).map(PendingCode::state).isEmpty();
    }

    @Test
    void replaceSwapsTheFailedCodeOnceWithoutTheResendWait() {
        String failed = code(CODE_A).tag();
        NewCode sms = new NewCode(CODE_B, "sms-tag", Channel.SMS);
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.replace(key(phone), failed, sms, t0.plusSeconds(1)))
                .isEqualTo(new StartDecision.Replaced(t0.plus(LIFETIME)));
        assertThat(store.replace(key(phone), failed, new NewCode(WRONG, "again", Channel.SMS), t0.plusSeconds(2)))
                .isEqualTo(new StartDecision.Superseded());
        assertThat(store.pending(key(phone), t0.plusSeconds(2))).hasValue(new PendingCode("sms-tag", Channel.SMS, null));
        assertThat(store.check(key(phone), List.of(CODE_A), t0.plusSeconds(2), CHECKS)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(store.check(key(phone), List.of(CODE_B), t0.plusSeconds(2), CHECKS)).isEqualTo(APPROVED);
    }

    /** The new code takes the failed send's place: the verification's sends, wait, expiry and attempts stay. */
    @Test
    void replaceCountsNoSendAndKeepsTheWaitTheExpiryAndTheAttempts() {
        String failed = code(CODE_A).tag();
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.recordDelivery(key(phone), failed, DeliveryState.FAILED, t0.plusSeconds(5));
        store.check(key(phone), List.of(WRONG), t0.plusSeconds(6), CHECKS);

        store.replace(key(phone), failed, new NewCode(CODE_B, "sms-tag", Channel.SMS), t0.plusSeconds(10));

        assertThat(store.pending(key(phone), t0.plusSeconds(10))).map(PendingCode::state).isEmpty();
        assertThat(store.check(key(phone), List.of(WRONG), t0.plusSeconds(11), CHECKS))
                .isEqualTo(new CheckResult.WrongCode(MAX_ATTEMPTS - 2));
        assertThat(store.start(key(phone), code(hmac(7)), t0.plus(RESEND_AFTER).minusMillis(1), RULES))
                .isEqualTo(new StartDecision.TooSoon(Duration.ofMillis(1)));
        assertThat(store.pending(key(phone), t0.plus(LIFETIME).minusMillis(1))).isPresent();
        assertThat(store.pending(key(phone), t0.plus(LIFETIME))).isEmpty();
        assertThat(store.start(key(phone), code(hmac(8)), t0.plus(RESEND_AFTER), RULES))
                .isEqualTo(new StartDecision.Started(MAX_SENDS - 2));
    }

    @Test
    void theLastSendsFailedMessageIsStillReplacedButNotALockedKeys() {
        Instant at = t0;
        for (int i = 0; i < MAX_SENDS; i++, at = at.plus(RESEND_AFTER)) {
            store.start(key(phone), code(hmac(500 + i)), at, RULES);
        }
        String last = code(hmac(500 + MAX_SENDS - 1)).tag();

        assertThat(store.replace(key(phone), last, new NewCode(CODE_B, "sms", Channel.SMS), at))
                .isInstanceOf(StartDecision.Replaced.class);
        assertThat(store.start(key(phone), code(CODE_A), at, RULES)).as("the sends are still used up")
                .isInstanceOf(StartDecision.TooSoon.class);
        VerificationKey other = new VerificationKey("other", phone);
        lockOut(other, t0);
        assertThat(store.replace(other, "whatever", new NewCode(CODE_B, "sms", Channel.SMS), t0))
                .isInstanceOf(StartDecision.Locked.class);
    }

    @Test
    void concurrentReplacesOfOneFailedMessageReplaceItOnce() throws Exception {
        String failed = code(CODE_A).tag();
        store.start(key(phone), code(CODE_A), t0, RULES);
        AtomicInteger next = new AtomicInteger();

        List<StartDecision> decisions = Concurrently.run(THREADS, () -> store.replace(key(phone), failed,
                new NewCode(hmac(600 + next.incrementAndGet()), "sms-" + next.get(), Channel.SMS), t0));

        assertThat(decisions).filteredOn(StartDecision.Replaced.class::isInstance).hasSize(1);
        assertThat(decisions).filteredOn(StartDecision.Superseded.class::isInstance).hasSize(THREADS - 1);
    }
}
