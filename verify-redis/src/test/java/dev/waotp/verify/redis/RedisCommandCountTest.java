package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckDecision;
import dev.waotp.verify.StartRules;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis commands of each store call, read from {@code INFO commandstats}: exactly the one {@code EVALSHA} that
 * {@link RedisVerificationStore}'s Javadoc states, and inside it only the script's own commands (Redis counts those
 * too). The statistics are reset after the connections are made, so the connection handshake is not counted.
 */
class RedisCommandCountTest {
    private static final StartRules RULES = new StartRules(Duration.ofMinutes(10), Duration.ZERO, 5);
    private static final String PHONE = "+919876543210";
    private static final byte[] CODE = new byte[32];
    private static final byte[] WRONG = new byte[] {1};

    private static RedisTestServer redis;
    private static RedisCommands<String, String> admin;
    private static RedisVerificationStore store;

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.start();
        StatefulRedisConnection<String, String> connection = redis.newClient().connect();
        admin = connection.sync();
        store = RedisVerificationStore.create(redis.newClient());
    }

    @AfterAll
    static void stopRedis() {
        store.close();
        redis.close();
    }

    @BeforeEach
    void loadScriptsAndResetStatistics() {
        store.start(PHONE, CODE, Instant.now(), RULES);
        store.check(PHONE, CODE, Instant.now(), 5);
        store.discard(PHONE, CODE);
        admin.configResetstat();
    }

    @Test
    void startIsOneEvalsha() {
        store.start(PHONE, CODE, Instant.now(), RULES);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hset", 1L, "pexpire", 1L));
    }

    @Test
    void wrongCodeCheckIsOneEvalsha() {
        store.start(PHONE, CODE, Instant.now(), RULES);
        admin.configResetstat();

        assertThat(store.check(PHONE, WRONG, Instant.now(), 5)).isEqualTo(CheckDecision.wrongCode(4));
        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hincrby", 1L));
    }

    @Test
    void rightCodeCheckIsOneEvalsha() {
        store.start(PHONE, CODE, Instant.now(), RULES);
        admin.configResetstat();

        assertThat(store.check(PHONE, CODE, Instant.now(), 5))
                .isEqualTo(CheckDecision.of(CheckDecision.Outcome.APPROVED));
        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L, "hincrby", 1L, "del", 1L));
    }

    @Test
    void checkWithNothingPendingIsOneEvalsha() {
        store.check(PHONE, CODE, Instant.now(), 5);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hmget", 1L));
    }

    @Test
    void discardIsOneEvalsha() {
        store.discard(PHONE, CODE);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 1L, "hget", 1L));
    }

    @Test
    void aServerThatLostTheScriptsGetsThemOnceWithEval() {
        admin.scriptFlush();
        admin.configResetstat();

        store.check(PHONE, CODE, Instant.now(), 5);
        store.check(PHONE, CODE, Instant.now(), 5);

        assertThat(commandStats()).isEqualTo(Map.of("evalsha", 2L, "eval", 1L, "hmget", 2L));
    }

    /** Calls per command since the last reset, without the test's own CONFIG, INFO and SCRIPT commands. */
    private static Map<String, Long> commandStats() {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : admin.info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + "calls=".length(), line.indexOf(','));
                calls.put(command, Long.parseLong(count));
            }
        }
        calls.keySet().removeAll(java.util.Set.of("config", "info", "script"));
        return calls;
    }
}
