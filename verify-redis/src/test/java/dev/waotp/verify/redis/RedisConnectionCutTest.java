package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.CheckDecision;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartDecision;
import dev.waotp.verify.StartRules;
import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network blip between the application and Redis: the connection is cut while Redis keeps running with its data
 * and loaded scripts. Lettuce holds the commands issued meanwhile and reconnects by itself (its defaults:
 * autoReconnect, DisconnectedBehavior.DEFAULT, an unbounded request queue); a call that timed out, and was reported
 * as failed, must not be written to Redis after the reconnect.
 */
class RedisConnectionCutTest {
    private static final StartRules RULES = new StartRules(Duration.ofMinutes(10), Duration.ofSeconds(30), 5);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String PHONE = "+919876543210";
    private static final String PENDING_PHONE = "+919876543211";
    private static final String OTHER_PHONE = "+919876543212";

    private final byte[] code = filled(7);
    private final byte[] wrongCode = filled(8);
    private RedisTestServer redis;
    private CuttableProxy proxy;
    private RedisClient client;
    private StatefulRedisConnection<String, String> direct;

    @BeforeEach
    void startRedisBehindProxy() {
        redis = RedisTestServer.start();
        proxy = CuttableProxy.to(redis.port());
        client = RedisClient.create(RedisURI.create("127.0.0.1", proxy.port()));
        direct = redis.newClient().connect();
    }

    @AfterEach
    void stopAll() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        proxy.close();
        redis.close();
    }

    @Test
    void startAndCheckThatTimedOutWhileCutAreNotWrittenAfterTheReconnect() {
        try (RedisVerificationStore store = RedisVerificationStore.builder(client).timeout(TIMEOUT).build()) {
            // Loads both scripts, so that after the reconnect an EVALSHA would run rather than answer NOSCRIPT.
            assertThat(store.start(PENDING_PHONE, code, Instant.now(), RULES)).isEqualTo(StartDecision.started(4));
            assertThat(store.check(OTHER_PHONE, code, Instant.now(), 5))
                    .isEqualTo(CheckDecision.of(CheckDecision.Outcome.NOT_PENDING));
            proxy.cut();

            assertThatThrownBy(() -> store.start(PHONE, code, Instant.now(), RULES))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessage("Redis did not answer the start of a verification within 500 ms");
            assertThatThrownBy(() -> store.check(PENDING_PHONE, wrongCode, Instant.now(), 5))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessage("Redis did not answer the check of a code within 500 ms");
            proxy.restore();
            // Lettuce writes what it held back before any later command: once one answers, nothing is left.
            assertThat(Eventually.answer(() -> store.check(OTHER_PHONE, code, Instant.now(), 5)))
                    .isEqualTo(CheckDecision.of(CheckDecision.Outcome.NOT_PENDING));

            RedisCommands<String, String> redisNow = direct.sync();
            assertThat(redisNow.exists("waotp:verify:{" + PHONE + "}")).as("the failed start stored nothing").isZero();
            assertThat(redisNow.hget("waotp:verify:{" + PENDING_PHONE + "}", "attempts"))
                    .as("the failed check counted no attempt").isEqualTo("0");
            assertThat(store.start(PHONE, code, Instant.now(), RULES))
                    .as("the user's next start is the first, not too soon").isEqualTo(StartDecision.started(4));
        }
    }

    @Test
    void rateLimitThatTimedOutWhileCutTakesNoTokenAfterTheReconnect() {
        RateLimits onePerPhone = RateLimits.builder().perPhone(1, Duration.ofHours(1))
                .without(RateLimit.CALLER).without(RateLimit.APPLICATION).build();
        try (RedisRateLimiter limiter = RedisRateLimiter.builder(client).timeout(TIMEOUT).build()) {
            assertThat(limiter.tryAcquire(PENDING_PHONE, "caller", onePerPhone)).isEmpty();
            proxy.cut();

            assertThatThrownBy(() -> limiter.tryAcquire(PHONE, "caller", onePerPhone))
                    .isInstanceOf(VerificationStoreException.class);
            proxy.restore();
            assertThat(Eventually.answer(() -> limiter.tryAcquire(OTHER_PHONE, "caller", onePerPhone))).isEmpty();

            assertThat(limiter.tryAcquire(PHONE, "caller", onePerPhone))
                    .as("the phone's one token is still there").isEmpty();
            assertThat(limiter.tryAcquire(PHONE, "caller", onePerPhone)).isPresent();
        }
    }

    private static byte[] filled(int value) {
        byte[] hmac = new byte[32];
        Arrays.fill(hmac, (byte) value);
        return hmac;
    }
}
