package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network blip between the application and Redis: the connection is cut while Redis keeps running with its data
 * and loaded scripts. Lettuce reconnects by itself, on a client set up as the store requires (commands rejected while
 * disconnected); a call that failed, and was reported as failed, must not be written to Redis after the reconnect.
 */
class RedisConnectionCutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String PHONE = "+919876543210";
    private static final String PENDING_PHONE = "+919876543211";
    private static final String OTHER_PHONE = "+919876543212";

    private RedisTestServer redis;
    private CuttableProxy proxy;
    private RedisClient client;
    private StatefulRedisConnection<String, String> direct;

    @BeforeEach
    void startRedisBehindProxy() {
        redis = RedisTestServer.start();
        proxy = CuttableProxy.to(redis.port());
        client = RedisClient.create(RedisURI.create("127.0.0.1", proxy.port()));
        client.setOptions(RedisTestServer.CLIENT_OPTIONS);
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
        try (RedisVerificationStore store = RedisVerificationStore.create(client)) {
            Verifier verifier = verifier().store(store).rateLimits(RateLimits.none()).build();
            // Loads both scripts, so that after the reconnect an EVALSHA would run rather than answer NOSCRIPT.
            assertThat(verifier.start(PENDING_PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
            assertThat(verifier.check(OTHER_PHONE, "000000")).isEqualTo(new CheckResult.NotPending());
            proxy.cut();

            // Rejected at once while disconnected, rather than held for a reconnect.
            assertThatThrownBy(() -> verifier.start(PHONE, "caller"))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessageStartingWith("Redis is unavailable: the start of a verification failed (RedisException:");
            assertThatThrownBy(() -> verifier.check(PENDING_PHONE, "000000"))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessageStartingWith("Redis is unavailable: the check of a code failed (RedisException:");
            proxy.restore();
            // Lettuce writes what it held back before any later command: once one answers, nothing is left.
            assertThat(Eventually.answer(() -> verifier.check(OTHER_PHONE, "000000")))
                    .isEqualTo(new CheckResult.NotPending());

            RedisCommands<String, String> redisNow = direct.sync();
            assertThat(redisNow.exists("waotp:verify:default:{" + PHONE + "}")).as("the failed start stored nothing").isZero();
            assertThat(redisNow.hget("waotp:verify:default:{" + PENDING_PHONE + "}", "attempts"))
                    .as("the failed check counted no attempt").isEqualTo("0");
            assertThat(verifier.start(PHONE, "caller"))
                    .as("the user's next start is the first, not too soon").isInstanceOf(StartResult.Sent.class);
        }
    }

    @Test
    void rateLimitThatTimedOutWhileCutTakesNoTokenAfterTheReconnect() {
        RateLimits onePerPhone = RateLimits.builder().perPhone(1, Duration.ofHours(1))
                .without(RateLimit.CALLER).without(RateLimit.APPLICATION).build();
        try (RedisRateLimitStorage storage = RedisRateLimitStorage.create(client)) {
            Verifier verifier = verifier().rateLimitStorage(storage).rateLimits(onePerPhone).build();
            assertThat(verifier.start(PENDING_PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
            proxy.cut();

            assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(VerificationStoreException.class);
            proxy.restore();
            assertThat(Eventually.answer(() -> verifier.start(OTHER_PHONE, "caller"))).isInstanceOf(StartResult.Sent.class);

            assertThat(verifier.start(PHONE, "caller")).as("the phone's one token is still there")
                    .isInstanceOf(StartResult.Sent.class);
            assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.RateLimited.class);
        }
    }

    private static Verifier.Builder verifier() {
        return Verifier.builder().secret("0123456789abcdef0123456789abcdef".getBytes()).storeTimeout(TIMEOUT)
                .sender((to, code) -> new SendResult(List.of("A1"), "WA202", null));
    }
}
