package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.VerificationKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
/** The contract's failure cap: failed checks counted per key across codes, the lock, and what resets them. */
public abstract class LockoutContractTest extends StoreContractFixture {
    @Test
    void failuresAreCountedAcrossCodesAndLockTheKeyAtMaxFailures() {
        Instant now = t0;
        int failures = 0;
        CheckResult last = null;
        for (int code = 0; failures < MAX_FAILURES; code++) {
            store.start(key(phone), code(hmac(200 + code)), now, RULES);
            for (int i = 0; i < MAX_ATTEMPTS && failures < MAX_FAILURES; i++, failures++) {
                last = store.check(key(phone), List.of(WRONG), now, CHECKS);
            }
            now = now.plus(RESEND_AFTER);
        }
        Instant lockedAt = now.minus(RESEND_AFTER);

        assertThat(last).isEqualTo(new CheckResult.Locked(lockedAt.plus(LOCKOUT)));
        assertThat(store.start(key(phone), code(CODE_A), now, RULES)).isEqualTo(new StartDecision.Locked(lockedAt.plus(LOCKOUT)));
        assertThat(store.check(key(phone), List.of(CODE_A), now, CHECKS)).isEqualTo(new CheckResult.Locked(lockedAt.plus(LOCKOUT)));
    }

    @Test
    void afterTheLockoutOneMoreFailureLocksAgainButTheRightCodeIsApproved() {
        lockOut(t0);
        Instant after = t0.plus(LOCKOUT);

        assertThat(store.start(key(phone), code(CODE_A), after, RULES)).isInstanceOf(StartDecision.Started.class);
        assertThat(store.check(key(phone), List.of(WRONG), after, CHECKS)).isEqualTo(new CheckResult.Locked(after.plus(LOCKOUT)));

        Instant later = after.plus(LOCKOUT);
        store.start(key(phone), code(CODE_B), later, RULES);
        assertThat(store.check(key(phone), List.of(CODE_B), later, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void anApprovalForgetsTheFailures() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        store.check(key(phone), List.of(WRONG), t0, CHECKS);
        store.check(key(phone), List.of(CODE_A), t0, CHECKS);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            Instant at = t0.plus(RESEND_AFTER.multipliedBy(i + 1));
            store.start(key(phone), code(hmac(300 + i)), at, MANY_SENDS);
            assertThat(store.check(key(phone), List.of(WRONG), at, CHECKS)).isInstanceOf(CheckResult.WrongCode.class);
        }
    }

    @Test
    void failuresAreForgottenOnceTheFailureMemoryPassesWithoutAnother() {
        store.start(key(phone), code(CODE_A), t0, MANY_SENDS);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            store.check(key(phone), List.of(WRONG), t0, checks(MAX_FAILURES));
        }
        Instant dayLater = t0.plus(FAILURE_MEMORY);
        Instant justBefore = dayLater.minusMillis(1);
        VerificationKey twin = new VerificationKey("twin", phone);
        store.start(twin, code(CODE_A), t0, MANY_SENDS);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            store.check(twin, List.of(WRONG), t0, checks(MAX_FAILURES));
        }
        store.start(twin, code(CODE_B), justBefore, MANY_SENDS);
        assertThat(store.check(twin, List.of(WRONG), justBefore, CHECKS)).isInstanceOf(CheckResult.Locked.class);

        store.start(key(phone), code(CODE_B), dayLater, MANY_SENDS);
        assertThat(store.check(key(phone), List.of(WRONG), dayLater, CHECKS)).isInstanceOf(CheckResult.WrongCode.class);
    }

    @Test
    void discardKeepsTheFailures() {
        store.start(key(phone), code(CODE_A), t0, RULES);
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            store.check(key(phone), List.of(WRONG), t0, CHECKS);
        }
        store.start(key(phone), code(CODE_B), t0.plus(RESEND_AFTER), RULES);
        store.discard(key(phone), CODE_B);
        Instant at = t0.plus(RESEND_AFTER.multipliedBy(2));
        store.start(key(phone), code(CODE_A), at, RULES);
        for (int i = MAX_ATTEMPTS; i < MAX_FAILURES - 1; i++) {
            store.check(key(phone), List.of(WRONG), at, checks(MAX_FAILURES));
        }

        assertThat(store.check(key(phone), List.of(WRONG), at, checks(MAX_FAILURES)))
                .isEqualTo(new CheckResult.Locked(at.plus(LOCKOUT)));
    }

    @Test
    void anyCandidateApprovesAndNoCandidateIsAFailure() {
        store.start(key(phone), code(CODE_B), t0, RULES);

        assertThat(store.check(key(phone), List.of(WRONG, CODE_A), t0, CHECKS)).isEqualTo(new CheckResult.WrongCode(MAX_ATTEMPTS - 1));
        assertThat(store.check(key(phone), List.of(CODE_A, CODE_B), t0, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void purposesOfOnePhoneShareNothing() {
        VerificationKey other = new VerificationKey("payment", phone);
        lockOut(t0);

        assertThat(store.start(other, code(CODE_A), t0, RULES)).isEqualTo(new StartDecision.Started(MAX_SENDS - 1));
        assertThat(store.check(key(phone), List.of(CODE_A), t0, CHECKS)).isInstanceOf(CheckResult.Locked.class);
        assertThat(store.check(other, List.of(CODE_A), t0, CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void concurrentWrongGuessesAcrossTheLimitCountExactlyMaxFailures() throws Exception {
        int attempts = THREADS;
        store.start(key(phone), code(CODE_A), t0, RULES);

        List<CheckResult> results = Concurrently.run(THREADS, () -> store.check(key(phone), List.of(WRONG), t0, checks(attempts)));

        assertThat(results).filteredOn(CheckResult.WrongCode.class::isInstance).hasSize(MAX_FAILURES - 1);
        assertThat(results).filteredOn(CheckResult.Locked.class::isInstance).hasSize(THREADS - MAX_FAILURES + 1);
    }
}
