package dev.waotp.verify.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Channel;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
/**
 * What every part of the store contract shares: the rules of the tests, the store under test, a fresh phone
 * number, and the helpers. Time is only the {@code now} argument, starting at the real current time so that a
 * store which also sets real key expiry (Redis) keeps entries for the whole test.
 */
public abstract class StoreContractFixture {
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
    /** Threads of the concurrency tests. */
    protected static final int THREADS = 32;
    protected static final CheckResult APPROVED = new CheckResult.Approved();
    protected static final CheckResult NOT_PENDING = new CheckResult.NotPending();
    protected static final CheckResult EXPIRED = new CheckResult.Expired();
    protected static final CheckResult TOO_MANY_ATTEMPTS = new CheckResult.TooManyAttempts();

    protected static final byte[] CODE_A = hmac(1);
    protected static final byte[] CODE_B = hmac(2);
    protected static final byte[] WRONG = hmac(3);

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

    /** Counts MAX_FAILURES wrong guesses over as many codes as it takes, all at {@code at}. */
    protected void lockOut(Instant at) {
        lockOut(key(phone), at);
    }

    protected void lockOut(VerificationKey key, Instant at) {
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
