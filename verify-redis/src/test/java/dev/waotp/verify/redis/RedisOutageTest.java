package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.CheckDecision;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartDecision;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.StartRules;
import dev.waotp.verify.StubPhone;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis stopped mid-test: every call fails closed with a clear exception, and the store recovers with Redis. */
class RedisOutageTest {
    private static final StartRules RULES = new StartRules(Duration.ofMinutes(10), Duration.ofSeconds(30), 5);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String PHONE = "+919876543210";

    private final byte[] code = filled(7);
    private final byte[] otherCode = filled(8);
    private RedisTestServer redis;
    private RedisVerificationStore store;

    @BeforeEach
    void startRedis() {
        redis = RedisTestServer.start();
        store = RedisVerificationStore.builder(redis.newClient()).timeout(TIMEOUT).build();
    }

    @AfterEach
    void stopRedis() {
        store.close();
        redis.close();
    }

    @Test
    void checkWhileRedisIsDownFailsClosedAndNothingIsApproved() {
        assertThat(store.start(PHONE, code, Instant.now(), RULES)).isEqualTo(StartDecision.started(4));
        redis.stop();

        assertThatThrownBy(() -> store.check(PHONE, code, Instant.now(), 5))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("Redis did not answer the check of a code within 500 ms");
        assertThatThrownBy(() -> store.start(PHONE, otherCode, Instant.now(), RULES))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("Redis did not answer the start of a verification within 500 ms");
        assertThatThrownBy(() -> store.discard(PHONE, code))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessageStartingWith("Redis did not answer the removal of an unsent code");
    }

    @Test
    void storeWorksAgainOnceRedisIsBackAndCallsThatFailedDoNotRunLater() {
        redis.stop();
        assertThatThrownBy(() -> store.start(PHONE, code, Instant.now(), RULES))
                .isInstanceOf(VerificationStoreException.class);
        redis.restart();

        // The start that failed must not be replayed on reconnection: this one is the first, not "too soon".
        // A restarted server has lost its scripts too, so here a replayed EVALSHA would only get NOSCRIPT;
        // RedisConnectionCutTest cuts the connection to a server that keeps them.
        assertThat(Eventually.answer(() -> store.start(PHONE, otherCode, Instant.now(), RULES)))
                .isEqualTo(StartDecision.started(4));
        assertThat(store.check(PHONE, code, Instant.now(), 5)).isEqualTo(CheckDecision.wrongCode(4));
        assertThat(store.check(PHONE, otherCode, Instant.now(), 5))
                .isEqualTo(CheckDecision.of(CheckDecision.Outcome.APPROVED));
    }

    @Test
    void verifierFailsClosedWhileRedisIsDownSendsNothingAndWorksOnceItIsBack() {
        try (StubPhone phone = new StubPhone();
                RedisRateLimiter limiter = RedisRateLimiter.builder(redis.newClient()).timeout(TIMEOUT).build()) {
            Verifier verifier = Verifier.builder().sender(phone.sender()).secret(new byte[32])
                    .store(store).rateLimiter(limiter).build();
            assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
            String sent = phone.lastCode();
            redis.stop();

            assertThatThrownBy(() -> verifier.check(PHONE, sent)).isInstanceOf(VerificationStoreException.class);
            assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(VerificationStoreException.class);
            assertThat(phone.requests()).as("nothing sent while Redis is down").isEqualTo(1);
            redis.restart();

            assertThat(Eventually.answer(() -> verifier.start(PHONE, "caller"))).isInstanceOf(StartResult.Sent.class);
            assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
        }
    }

    @Test
    void exceptionMessagesHoldNoCodeHmac() {
        redis.stop();

        assertThatThrownBy(() -> store.check(PHONE, code, Instant.now(), 5))
                .satisfies(e -> assertThat(e.toString())
                        .doesNotContain(new String(code, StandardCharsets.ISO_8859_1))
                        .doesNotContain(HexFormat.of().formatHex(code))
                        .doesNotContain(Arrays.toString(code)));
    }

    private static byte[] filled(int value) {
        byte[] hmac = new byte[32];
        Arrays.fill(hmac, (byte) value);
        return hmac;
    }
}
