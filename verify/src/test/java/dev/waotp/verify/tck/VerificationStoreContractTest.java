package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
/**
 * The rules every {@link VerificationStore} keeps, as tests. A store's test class extends this and returns a fresh
 * store from {@link #newStore()}; the Redis store runs the same tests against a real server. The failure cap and
 * the delivery part are in the classes this extends, one concern each.
 */
public abstract class VerificationStoreContractTest extends DeliveryContractTest {
    @Test
    void firstStartStoresTheCodeAndCountsOneSend() {
        assertThat(store.start(key(phone), code(CODE_A), t0, RULES)).isEqualTo(new StartDecision.Started(MAX_SENDS - 1));
    }

    @Test
    void rightCodeIsApproved() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.check(key(phone), List.of(CODE_A), t0.plusSeconds(5), CHECKS))
                .isEqualTo(APPROVED);
    }

    @Test
    void rightCodeIsApprovedOnlyOnce() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.check(key(phone), List.of(CODE_A), t0, CHECKS);

        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(NOT_PENDING);
    }

    @Test
    void checkWithoutStartIsNotPending() {
        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(NOT_PENDING);
    }

    @Test
    void codeOfAnotherPhoneIsNotPending() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.check(key(phone + "1"), List.of(CODE_A), t0, CHECKS)).isEqualTo(NOT_PENDING);
        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void eachWrongCodeIsCountedUntilTheCodeIsDeadEvenForTheRightCode() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.check(key(phone), List.of(WRONG), t0, CHECKS)).isEqualTo(new CheckResult.WrongCode(2));
        assertThat(store.check(key(phone), List.of(WRONG), t0, CHECKS)).isEqualTo(new CheckResult.WrongCode(1));
        assertThat(store.check(key(phone), List.of(WRONG), t0, CHECKS)).isEqualTo(new CheckResult.WrongCode(0));
        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(TOO_MANY_ATTEMPTS);
        assertThat(store.check(key(phone), List.of(WRONG), t0, CHECKS)).isEqualTo(TOO_MANY_ATTEMPTS);
    }

    @Test
    void rightCodeAfterWrongOnesIsApproved() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.check(key(phone), List.of(WRONG), t0, CHECKS);
        store.check(key(phone), List.of(WRONG), t0, CHECKS);

        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void codeIsGoodUntilJustBeforeItsExpiry() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.check(key(phone), List.of(CODE_A), t0.plus(LIFETIME).minusMillis(1), CHECKS))
                .isEqualTo(APPROVED);
    }

    @Test
    void codeAtItsExpiryIsExpiredAndNotApproved() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.check(key(phone), List.of(CODE_A), t0.plus(LIFETIME), CHECKS)).isEqualTo(EXPIRED);
    }

    @Test
    void startSoonerThanResendAfterIsRefusedWithTheWaitLeft() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.start(key(phone), code(CODE_B), t0.plusSeconds(10), RULES))
                .isEqualTo(new StartDecision.TooSoon(Duration.ofSeconds(20)));
        assertThat(store.check(key(phone), List.of(CODE_B), t0.plusSeconds(10), CHECKS))
                .as("a refused start stores nothing").isEqualTo(new CheckResult.WrongCode(MAX_ATTEMPTS - 1));
        assertThat(store.check(key(phone), List.of(CODE_A), t0.plusSeconds(10), CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void startAfterResendAfterReplacesTheCodeAndTheOldOneStopsWorking() {
        store.start(key(phone), code(CODE_A), t0, RULES);

        assertThat(store.start(key(phone), code(CODE_B), t0.plus(RESEND_AFTER), RULES))
                .isEqualTo(new StartDecision.Started(MAX_SENDS - 2));
        assertThat(store.check(key(phone), List.of(CODE_A), t0.plus(RESEND_AFTER), CHECKS))
                .isEqualTo(new CheckResult.WrongCode(MAX_ATTEMPTS - 1));
        assertThat(store.check(key(phone), List.of(CODE_B), t0.plus(RESEND_AFTER), CHECKS))
                .isEqualTo(APPROVED);
    }

    @Test
    void resentCodeLivesItsOwnLifetime() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        Instant resent = t0.plus(RESEND_AFTER);
        store.start(key(phone), code(CODE_B), resent, RULES);

        assertThat(store.check(key(phone), List.of(CODE_B), t0.plus(LIFETIME), CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void resentCodeGetsFreshAttemptsSoAnAttackerCannotLockTheUserOutForGood() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            store.check(key(phone), List.of(WRONG), t0, CHECKS);
        }

        assertThat(store.start(key(phone), code(CODE_B), t0.plus(RESEND_AFTER), RULES)).isEqualTo(new StartDecision.Started(1));
        assertThat(store.check(key(phone), List.of(CODE_B), t0.plus(RESEND_AFTER), CHECKS))
                .isEqualTo(APPROVED);
    }

    @Test
    void startAfterMaxSendsIsRefusedUntilTheVerificationExpires() {
        Instant last = t0;
        for (int i = 0; i < MAX_SENDS; i++) {
            last = t0.plus(RESEND_AFTER.multipliedBy(i));
            assertThat(store.start(key(phone), code(hmac(10 + i)), last, RULES)).isInstanceOf(StartDecision.Started.class);
        }
        Instant later = last.plus(RESEND_AFTER);

        assertThat(store.start(key(phone), code(CODE_B), later, RULES))
                .isEqualTo(new StartDecision.TooSoon(LIFETIME.minus(RESEND_AFTER)));
        assertThat(store.check(key(phone), List.of(hmac(10 + MAX_SENDS - 1)), later, CHECKS))
                .as("the last code sent still works").isEqualTo(APPROVED);
    }

    @Test
    void startAfterExpiryBeginsAFreshVerification() {
        Instant last = t0;
        for (int i = 0; i < MAX_SENDS; i++) {
            last = t0.plus(RESEND_AFTER.multipliedBy(i));
            store.start(key(phone), code(hmac(10 + i)), last, RULES);
        }
        Instant expired = last.plus(LIFETIME);

        assertThat(store.start(key(phone), code(CODE_B), expired, RULES)).isEqualTo(new StartDecision.Started(MAX_SENDS - 1));
        assertThat(store.check(key(phone), List.of(CODE_B), expired, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void startAfterApprovalBeginsAFreshVerification() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.check(key(phone), List.of(CODE_A), t0, CHECKS);

        assertThat(store.start(key(phone), code(CODE_B), t0.plusSeconds(1), RULES)).isEqualTo(new StartDecision.Started(MAX_SENDS - 1));
    }

    @Test
    void discardRemovesTheCodeSoTheNextStartIsNotTooSoon() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.discard(key(phone), CODE_A);

        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(NOT_PENDING);
        assertThat(store.start(key(phone), code(CODE_B), t0.plusSeconds(1), RULES)).isEqualTo(new StartDecision.Started(MAX_SENDS - 1));
    }

    @Test
    void discardLeavesACodeThatReplacedOurs() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.start(key(phone), code(CODE_B), t0.plus(RESEND_AFTER), RULES);
        store.discard(key(phone), CODE_A);

        assertThat(store.check(key(phone), List.of(CODE_B), t0.plus(RESEND_AFTER), CHECKS))
                .isEqualTo(APPROVED);
    }

    @Test
    void discardWithNothingPendingDoesNothing() {
        store.discard(key(phone), CODE_A);

        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(NOT_PENDING);
    }

    @Test
    void storeKeepsItsOwnCopyOfTheHmac() {
        byte[] code = CODE_A.clone();
        store.start(key(phone), code(code), t0, RULES);
        Arrays.fill(code, (byte) 0);

        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void concurrentChecksOfTheRightCodeApproveExactlyOnce() throws Exception {
        store.start(key(phone), code(CODE_A), t0, RULES);

        List<CheckResult> decisions = Concurrently.run(THREADS, () -> store.check(key(phone), List.of(CODE_A), t0, CHECKS));

        assertThat(decisions).filteredOn(APPROVED::equals).hasSize(1);
        assertThat(decisions).filteredOn(NOT_PENDING::equals).hasSize(THREADS - 1);
    }

    @Test
    void concurrentWrongGuessesAreCountedNoMoreThanMaxAttempts() throws Exception {
        int maxAttempts = 5;
        store.start(key(phone), code(CODE_A), t0, RULES);

        List<CheckResult> decisions = Concurrently.run(THREADS, () -> store.check(key(phone), List.of(WRONG), t0, checks(maxAttempts)));

        assertThat(decisions).filteredOn(CheckResult.WrongCode.class::isInstance)
                .extracting(d -> ((CheckResult.WrongCode) d).attemptsLeft()).containsExactlyInAnyOrder(4, 3, 2, 1, 0);
        assertThat(decisions).filteredOn(TOO_MANY_ATTEMPTS::equals).hasSize(THREADS - maxAttempts);
        assertThat(store.check(key(phone), List.of(CODE_A), t0, checks(maxAttempts))).isEqualTo(TOO_MANY_ATTEMPTS);
    }

    @Test
    void concurrentStartsForOnePhoneStoreExactlyOneCode() throws Exception {
        List<byte[]> codes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            codes.add(hmac(100 + i));
        }
        int[] next = {0};

        List<StartDecision> decisions = Concurrently.run(THREADS, () -> {
            byte[] code;
            synchronized (next) {
                code = codes.get(next[0]++);
            }
            return store.start(key(phone), code(code), t0, RULES);
        });

        assertThat(decisions).filteredOn(StartDecision.Started.class::isInstance).hasSize(1);
        assertThat(decisions).filteredOn(d -> !(d instanceof StartDecision.Started))
                .containsOnly(new StartDecision.TooSoon(RESEND_AFTER));
        long approved = codes.stream()
                .filter(code -> store.check(key(phone), List.of(code), t0, checks(THREADS)).equals(APPROVED))
                .count();
        assertThat(approved).isEqualTo(1);
    }
}
