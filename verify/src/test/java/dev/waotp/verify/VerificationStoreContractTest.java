package dev.waotp.verify;

import static dev.waotp.verify.CheckDecision.Outcome.APPROVED;
import static dev.waotp.verify.CheckDecision.Outcome.EXPIRED;
import static dev.waotp.verify.CheckDecision.Outcome.NOT_PENDING;
import static dev.waotp.verify.CheckDecision.Outcome.TOO_MANY_ATTEMPTS;
import static dev.waotp.verify.CheckDecision.Outcome.WRONG_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link VerificationStore} keeps, as tests. A store's test class extends this and
 * returns a fresh store from {@link #newStore()}; the Redis store runs the same tests against a real
 * server. Time is only the {@code now} argument, starting at the real current time so that a store
 * which also sets real key expiry (Redis) keeps entries for the whole test.
 */
public abstract class VerificationStoreContractTest {
    /** The lifetime of every code in these tests. */
    protected static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The least time between two sends in these tests. */
    protected static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    /** Sends per verification in these tests. */
    protected static final int MAX_SENDS = 3;
    /** Checks per code in these tests. */
    protected static final int MAX_ATTEMPTS = 3;
    /** The start rules of these tests. */
    protected static final StartRules RULES = new StartRules(LIFETIME, RESEND_AFTER, MAX_SENDS);
    private static final int THREADS = 32;

    private static final byte[] CODE_A = hmac(1);
    private static final byte[] CODE_B = hmac(2);
    private static final byte[] WRONG = hmac(3);

    /** The store under test, new for each test. */
    protected VerificationStore store;
    /** The test's start time: the real time, to the millisecond. */
    protected Instant t0;
    /** A phone number no other test uses. */
    protected String phone;

    /** A new, empty store (or one whose entries cannot collide with other tests' phone numbers). */
    protected abstract VerificationStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        phone = "+9198" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void firstStartStoresTheCodeAndCountsOneSend() {
        assertThat(store.start(phone, CODE_A, t0, RULES)).isEqualTo(StartDecision.started(MAX_SENDS - 1));
    }

    @Test
    void rightCodeIsApproved() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.check(phone, CODE_A, t0.plusSeconds(5), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void rightCodeIsApprovedOnlyOnce() {
        store.start(phone, CODE_A, t0, RULES);
        store.check(phone, CODE_A, t0, MAX_ATTEMPTS);

        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(NOT_PENDING));
    }

    @Test
    void checkWithoutStartIsNotPending() {
        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(NOT_PENDING));
    }

    @Test
    void codeOfAnotherPhoneIsNotPending() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.check(phone + "1", CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(NOT_PENDING));
        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void eachWrongCodeIsCountedUntilTheCodeIsDeadEvenForTheRightCode() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.check(phone, WRONG, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.wrongCode(2));
        assertThat(store.check(phone, WRONG, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.wrongCode(1));
        assertThat(store.check(phone, WRONG, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.wrongCode(0));
        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(TOO_MANY_ATTEMPTS));
        assertThat(store.check(phone, WRONG, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(TOO_MANY_ATTEMPTS));
    }

    @Test
    void rightCodeAfterWrongOnesIsApproved() {
        store.start(phone, CODE_A, t0, RULES);
        store.check(phone, WRONG, t0, MAX_ATTEMPTS);
        store.check(phone, WRONG, t0, MAX_ATTEMPTS);

        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void codeIsGoodUntilJustBeforeItsExpiry() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.check(phone, CODE_A, t0.plus(LIFETIME).minusMillis(1), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void codeAtItsExpiryIsExpiredAndNotApproved() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.check(phone, CODE_A, t0.plus(LIFETIME), MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(EXPIRED));
    }

    @Test
    void startSoonerThanResendAfterIsRefusedWithTheWaitLeft() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.start(phone, CODE_B, t0.plusSeconds(10), RULES))
                .isEqualTo(StartDecision.tooSoon(Duration.ofSeconds(20)));
        assertThat(store.check(phone, CODE_B, t0.plusSeconds(10), MAX_ATTEMPTS))
                .as("a refused start stores nothing").isEqualTo(CheckDecision.wrongCode(MAX_ATTEMPTS - 1));
        assertThat(store.check(phone, CODE_A, t0.plusSeconds(10), MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void startAfterResendAfterReplacesTheCodeAndTheOldOneStopsWorking() {
        store.start(phone, CODE_A, t0, RULES);

        assertThat(store.start(phone, CODE_B, t0.plus(RESEND_AFTER), RULES))
                .isEqualTo(StartDecision.started(MAX_SENDS - 2));
        assertThat(store.check(phone, CODE_A, t0.plus(RESEND_AFTER), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.wrongCode(MAX_ATTEMPTS - 1));
        assertThat(store.check(phone, CODE_B, t0.plus(RESEND_AFTER), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void resentCodeLivesItsOwnLifetime() {
        store.start(phone, CODE_A, t0, RULES);
        Instant resent = t0.plus(RESEND_AFTER);
        store.start(phone, CODE_B, resent, RULES);

        assertThat(store.check(phone, CODE_B, t0.plus(LIFETIME), MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void resentCodeGetsFreshAttemptsSoAnAttackerCannotLockTheUserOutForGood() {
        store.start(phone, CODE_A, t0, RULES);
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            store.check(phone, WRONG, t0, MAX_ATTEMPTS);
        }

        assertThat(store.start(phone, CODE_B, t0.plus(RESEND_AFTER), RULES)).isEqualTo(StartDecision.started(1));
        assertThat(store.check(phone, CODE_B, t0.plus(RESEND_AFTER), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void startAfterMaxSendsIsRefusedUntilTheVerificationExpires() {
        Instant last = t0;
        for (int i = 0; i < MAX_SENDS; i++) {
            last = t0.plus(RESEND_AFTER.multipliedBy(i));
            assertThat(store.start(phone, hmac(10 + i), last, RULES).started()).isTrue();
        }
        Instant later = last.plus(RESEND_AFTER);

        assertThat(store.start(phone, CODE_B, later, RULES))
                .isEqualTo(StartDecision.tooSoon(LIFETIME.minus(RESEND_AFTER)));
        assertThat(store.check(phone, hmac(10 + MAX_SENDS - 1), later, MAX_ATTEMPTS))
                .as("the last code sent still works").isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void startAfterExpiryBeginsAFreshVerification() {
        Instant last = t0;
        for (int i = 0; i < MAX_SENDS; i++) {
            last = t0.plus(RESEND_AFTER.multipliedBy(i));
            store.start(phone, hmac(10 + i), last, RULES);
        }
        Instant expired = last.plus(LIFETIME);

        assertThat(store.start(phone, CODE_B, expired, RULES)).isEqualTo(StartDecision.started(MAX_SENDS - 1));
        assertThat(store.check(phone, CODE_B, expired, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void startAfterApprovalBeginsAFreshVerification() {
        store.start(phone, CODE_A, t0, RULES);
        store.check(phone, CODE_A, t0, MAX_ATTEMPTS);

        assertThat(store.start(phone, CODE_B, t0.plusSeconds(1), RULES)).isEqualTo(StartDecision.started(MAX_SENDS - 1));
    }

    @Test
    void discardRemovesTheCodeSoTheNextStartIsNotTooSoon() {
        store.start(phone, CODE_A, t0, RULES);
        store.discard(phone, CODE_A);

        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(NOT_PENDING));
        assertThat(store.start(phone, CODE_B, t0.plusSeconds(1), RULES)).isEqualTo(StartDecision.started(MAX_SENDS - 1));
    }

    @Test
    void discardLeavesACodeThatReplacedOurs() {
        store.start(phone, CODE_A, t0, RULES);
        store.start(phone, CODE_B, t0.plus(RESEND_AFTER), RULES);
        store.discard(phone, CODE_A);

        assertThat(store.check(phone, CODE_B, t0.plus(RESEND_AFTER), MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void discardWithNothingPendingDoesNothing() {
        store.discard(phone, CODE_A);

        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(NOT_PENDING));
    }

    @Test
    void storeKeepsItsOwnCopyOfTheHmac() {
        byte[] code = CODE_A.clone();
        store.start(phone, code, t0, RULES);
        Arrays.fill(code, (byte) 0);

        assertThat(store.check(phone, CODE_A, t0, MAX_ATTEMPTS)).isEqualTo(CheckDecision.of(APPROVED));
    }

    @Test
    void concurrentChecksOfTheRightCodeApproveExactlyOnce() throws Exception {
        store.start(phone, CODE_A, t0, RULES);

        List<CheckDecision> decisions = Concurrently.run(THREADS, () -> store.check(phone, CODE_A, t0, MAX_ATTEMPTS));

        assertThat(decisions).filteredOn(d -> d.outcome() == APPROVED).hasSize(1);
        assertThat(decisions).filteredOn(d -> d.outcome() == NOT_PENDING).hasSize(THREADS - 1);
    }

    @Test
    void concurrentWrongGuessesAreCountedNoMoreThanMaxAttempts() throws Exception {
        int maxAttempts = 5;
        store.start(phone, CODE_A, t0, RULES);

        List<CheckDecision> decisions = Concurrently.run(THREADS, () -> store.check(phone, WRONG, t0, maxAttempts));

        assertThat(decisions).filteredOn(d -> d.outcome() == WRONG_CODE)
                .extracting(CheckDecision::attemptsLeft).containsExactlyInAnyOrder(4, 3, 2, 1, 0);
        assertThat(decisions).filteredOn(d -> d.outcome() == TOO_MANY_ATTEMPTS).hasSize(THREADS - maxAttempts);
        assertThat(store.check(phone, CODE_A, t0, maxAttempts)).isEqualTo(CheckDecision.of(TOO_MANY_ATTEMPTS));
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
            return store.start(phone, code, t0, RULES);
        });

        assertThat(decisions).filteredOn(StartDecision::started).hasSize(1);
        assertThat(decisions).filteredOn(d -> !d.started()).allMatch(d -> d.retryAfter().equals(RESEND_AFTER));
        long approved = codes.stream()
                .filter(code -> store.check(phone, code, t0, THREADS).outcome() == APPROVED)
                .count();
        assertThat(approved).isEqualTo(1);
    }

    /** A 32-byte stand-in for an HMAC-SHA256, different for each {@code n}. */
    protected static byte[] hmac(int n) {
        byte[] hmac = new byte[32];
        Arrays.fill(hmac, (byte) n);
        hmac[0] = (byte) (n >> 8);
        return hmac;
    }
}
