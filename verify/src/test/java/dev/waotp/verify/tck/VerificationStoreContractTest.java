package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.DeliveryState;
import dev.waotp.verify.Channel;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Failed checks across codes before a key is locked, in these tests. */
    protected static final int MAX_FAILURES = 7;
    /** How long a key stays locked in these tests. */
    protected static final Duration LOCKOUT = Duration.ofMinutes(30);
    /** How long failures are remembered in these tests. */
    protected static final Duration FAILURE_MEMORY = Duration.ofHours(24);
    /** The check rules of these tests. */
    protected static final CheckRules CHECKS = checks(MAX_ATTEMPTS);
    /** Start rules that never refuse a resend, for tests that need many codes at one instant. */
    protected static final StartRules MANY_SENDS = new StartRules(LIFETIME, Duration.ZERO, 100);
    /** The purpose of these tests' keys. */
    protected static final String PURPOSE = "login";
    private static final int THREADS = 32;
    private static final CheckResult APPROVED = new CheckResult.Approved();
    private static final CheckResult NOT_PENDING = new CheckResult.NotPending();
    private static final CheckResult EXPIRED = new CheckResult.Expired();
    private static final CheckResult TOO_MANY_ATTEMPTS = new CheckResult.TooManyAttempts();

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

        assertThat(store.replace(key(phone), failed, sms, t0.plusSeconds(1), RULES))
                .isEqualTo(new StartDecision.Started(MAX_SENDS - 2));
        assertThat(store.replace(key(phone), failed, new NewCode(WRONG, "again", Channel.SMS), t0.plusSeconds(2), RULES))
                .isEqualTo(new StartDecision.Superseded());
        assertThat(store.pending(key(phone), t0.plusSeconds(2))).hasValue(new PendingCode("sms-tag", Channel.SMS, null));
        assertThat(store.check(key(phone), List.of(CODE_A), t0.plusSeconds(2), CHECKS)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(store.check(key(phone), List.of(CODE_B), t0.plusSeconds(2), CHECKS)).isEqualTo(APPROVED);
    }

    @Test
    void replaceKeepsMaxSendsAndTheLock() {
        Instant at = t0;
        for (int i = 0; i < MAX_SENDS; i++, at = at.plus(RESEND_AFTER)) {
            store.start(key(phone), code(hmac(500 + i)), at, RULES);
        }
        String last = code(hmac(500 + MAX_SENDS - 1)).tag();

        assertThat(store.replace(key(phone), last, new NewCode(CODE_B, "sms", Channel.SMS), at, RULES))
                .isInstanceOf(StartDecision.TooSoon.class);
        VerificationKey other = new VerificationKey("other", phone);
        lockOut(other, t0);
        assertThat(store.replace(other, "whatever", new NewCode(CODE_B, "sms", Channel.SMS), t0, RULES))
                .isInstanceOf(StartDecision.Locked.class);
    }

    @Test
    void concurrentReplacesOfOneFailedMessageReplaceItOnce() throws Exception {
        String failed = code(CODE_A).tag();
        store.start(key(phone), code(CODE_A), t0, RULES);
        AtomicInteger next = new AtomicInteger();

        List<StartDecision> decisions = Concurrently.run(THREADS, () -> store.replace(key(phone), failed,
                new NewCode(hmac(600 + next.incrementAndGet()), "sms-" + next.get(), Channel.SMS), t0, MANY_SENDS));

        assertThat(decisions).filteredOn(StartDecision.Started.class::isInstance).hasSize(1);
        assertThat(decisions).filteredOn(StartDecision.Superseded.class::isInstance).hasSize(THREADS - 1);
    }

    /** Counts MAX_FAILURES wrong guesses over as many codes as it takes, all at {@code at}. */
    private void lockOut(Instant at) {
        lockOut(key(phone), at);
    }

    private void lockOut(VerificationKey key, Instant at) {
        for (int code = 0, failures = 0; failures < MAX_FAILURES; code++) {
            assertThat(store.start(key, code(hmac(400 + code)), at, MANY_SENDS))
                    .isInstanceOf(StartDecision.Started.class);
            for (int i = 0; i < MAX_ATTEMPTS && failures < MAX_FAILURES; i++, failures++) {
                store.check(key, List.of(WRONG), at, CHECKS);
            }
        }
    }

    /** A WhatsApp code with {@code hmac}, tagged by the HMAC's own bytes so each code's tag is unique. */
    public static NewCode code(byte[] hmac) {
        return new NewCode(hmac, "tag-" + java.util.HexFormat.of().formatHex(hmac), Channel.WHATSAPP);
    }

    /** The key of {@code phone} for this suite's purpose. */
    protected static VerificationKey key(String phone) {
        return new VerificationKey(PURPOSE, phone);
    }

    /** The check rules of these tests with {@code maxAttempts} attempts per code. */
    protected static CheckRules checks(int maxAttempts) {
        return new CheckRules(maxAttempts, MAX_FAILURES, LOCKOUT, FAILURE_MEMORY);
    }

    /** A 32-byte stand-in for an HMAC-SHA256, different for each {@code n}. */
    protected static byte[] hmac(int n) {
        byte[] hmac = new byte[32];
        Arrays.fill(hmac, (byte) n);
        hmac[0] = (byte) (n >> 8);
        return hmac;
    }
}
