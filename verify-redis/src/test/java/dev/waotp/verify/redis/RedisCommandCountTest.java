package dev.waotp.verify.redis;

import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.VerificationKey;
import java.util.List;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.Verifier;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis commands of each call, read from {@code INFO commandstats}, are those the table in this package's
 * documentation ({@code package-info.java}) states. Redis counts the commands a script runs too, so each expectation
 * lists the commands sent and those run inside the scripts. The statistics are reset after the connections are made
 * and the scripts loaded, so the connection handshake and the first call's {@code EVAL} are not counted.
 */
class RedisCommandCountTest {
    private static final CheckRules CHECKS = new CheckRules(5, 10, Duration.ofHours(1), Duration.ofHours(24));
    private static final StartRules RULES = new StartRules(Duration.ofMinutes(10), Duration.ZERO, 5);
    private static final String PHONE = "+919876543210";
    private static final byte[] CODE = new byte[32];
    private static final byte[] WRONG = new byte[] {1};

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private final RedisCommands<String, String> admin = REDIS.client().connect().sync();
    private final RedisVerificationStore store = RedisVerificationStore.create(REDIS.newClient());

    @AfterEach
    void closeStore() {
        store.close();
    }

    @BeforeEach
    void loadScriptsAndResetStatistics() {
        store.start(new VerificationKey("default", PHONE), code(CODE), Instant.now(), RULES);
        store.check(new VerificationKey("default", PHONE), List.of(CODE), Instant.now(), CHECKS);
        store.discard(new VerificationKey("default", PHONE), CODE);
        admin.configResetstat();
    }

    @Test
    void startIsOneEvalsha() {
        store.start(new VerificationKey("default", PHONE), code(CODE), Instant.now(), RULES);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hset", 1L, "pexpire", 1L));
    }

    @Test
    void wrongCodeCheckIsOneEvalsha() {
        store.start(new VerificationKey("default", PHONE), code(CODE), Instant.now(), RULES);
        admin.configResetstat();

        assertThat(store.check(new VerificationKey("default", PHONE), List.of(WRONG), Instant.now(), CHECKS)).isEqualTo(new CheckResult.WrongCode(4));
        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hincrby", 1L, "hset", 1L, "pexpire", 1L));
    }

    @Test
    void rightCodeCheckIsOneEvalsha() {
        store.start(new VerificationKey("default", PHONE), code(CODE), Instant.now(), RULES);
        admin.configResetstat();

        assertThat(store.check(new VerificationKey("default", PHONE), List.of(CODE), Instant.now(), CHECKS))
                .isEqualTo(new CheckResult.Approved());
        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hincrby", 1L, "del", 1L));
    }

    @Test
    void checkWithNothingPendingIsOneEvalsha() {
        store.check(new VerificationKey("default", PHONE), List.of(CODE), Instant.now(), CHECKS);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L));
    }

    @Test
    void discardIsOneEvalsha() {
        store.discard(new VerificationKey("default", PHONE), CODE);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hget", 1L));
    }

    @Test
    void aServerThatLostTheScriptsGetsThemOnceWithEval() {
        admin.scriptFlush();
        admin.configResetstat();

        store.check(new VerificationKey("default", PHONE), List.of(CODE), Instant.now(), CHECKS);
        store.check(new VerificationKey("default", PHONE), List.of(CODE), Instant.now(), CHECKS);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 2L, "eval", 1L, "hmget", 2L));
    }

    @Test
    void verifierStartWithTheDefaultRateLimitsIsSevenCommandsAndACheckOneOrWithACallerKeyThree() {
        try (RedisRateLimitStorage limiter = RedisRateLimitStorage.create(REDIS.newClient())) {
            AtomicReference<String> sent = new AtomicReference<>();
            Verifier verifier = Verifier.builder()
                    .sender((phone, code) -> {
                        sent.set(code);
                        return new SendResult(List.of("wamid.1"), null, null);
                    })
                    .secret(new byte[32]).store(store).rateLimitStorage(limiter).resendAfter(Duration.ZERO).build();
            verifier.start(PHONE, "caller");
            admin.configResetstat();

            assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
            // Sent: 3 x (GET + EVAL) for the caller, phone and application buckets, and the store's EVALSHA.
            // Run inside those scripts: GET and PSETEX per bucket; HMGET, HSET and PEXPIRE for the store.
            assertThat(commandStats()).isEqualTo(Map.of(
                    "get", 3L + 3L, "eval", 3L, "psetex", 3L, "evalsha", 1L, "hmget", 1L, "hset", 1L, "pexpire", 1L));
            admin.configResetstat();

            String wrong = sent.get().equals("000000") ? "111111" : "000000";
            assertThat(verifier.check(PHONE, wrong)).isEqualTo(new CheckResult.WrongCode(4));
            assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hincrby", 1L, "hset", 1L, "pexpire", 1L));

            verifier.check(PHONE, wrong, "caller");
            admin.configResetstat();
            assertThat(verifier.check(PHONE, wrong, "caller")).isEqualTo(new CheckResult.WrongCode(2));
            // With a caller key: GET + EVAL for the caller's check bucket, then the store's EVALSHA.
            assertThat(commandStats()).isEqualTo(Map.of("get", 1L + 1L, "eval", 1L, "psetex", 1L,
                    "evalsha", 1L, "hmget", 1L, "hincrby", 1L, "hset", 1L, "pexpire", 1L));
        }
    }

    /** Calls per command since the last reset, without the test's own CONFIG, INFO and SCRIPT commands. */
    private Map<String, Long> commandStats() {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : admin.info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + "calls=".length(), line.indexOf(','));
                calls.put(command, Long.parseLong(count));
            }
        }
        calls.keySet().removeAll(Set.of("config", "info", "script"));
        return calls;
    }
}
