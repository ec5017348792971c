package dev.waotp.verify.redis;

import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.VerificationKey;
import java.util.List;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a real short lifetime, verifications leave Redis by themselves: nothing grows without bound. */
class RedisExpiryTest {
    private static final CheckRules CHECKS = new CheckRules(5, 10, Duration.ofHours(1), Duration.ofHours(24));
    private static final Duration LIFETIME = Duration.ofSeconds(1);
    private static final String PHONE = "+919876543210";
    private static final String KEY = "waotp:verify:default:{" + PHONE + "}";

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void verificationKeyExpiresAfterTheCodesLifetime() throws InterruptedException {
        RedisCommands<String, String> commands = REDIS.client().connect().sync();
        try (RedisVerificationStore store = RedisVerificationStore.create(REDIS.newClient())) {
            byte[] code = new byte[32];
            assertThat(store.start(new VerificationKey("default", PHONE), code(code), Instant.now(), new StartRules(LIFETIME, Duration.ZERO, 5)))
                    .isEqualTo(new StartDecision.Started(4));
            assertThat(commands.pttl(KEY)).isBetween(1L, LIFETIME.toMillis());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (commands.exists(KEY) == 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(commands.exists(KEY)).as("the key left by itself").isZero();
            assertThat(commands.dbsize()).isZero();
            assertThat(store.check(new VerificationKey("default", PHONE), List.of(code), Instant.now(), CHECKS))
                    .isEqualTo(new CheckResult.NotPending());
        }
    }

    @Test
    void aResendRenewsTheKeysLifetime() throws InterruptedException {
        RedisCommands<String, String> commands = REDIS.client().connect().sync();
        StartRules rules = new StartRules(Duration.ofSeconds(60), Duration.ZERO, 5);
        try (RedisVerificationStore store = RedisVerificationStore.create(REDIS.newClient())) {
            store.start(new VerificationKey("default", PHONE), code(new byte[32]), Instant.now(), rules);
            Thread.sleep(1_100);
            long before = commands.pttl(KEY);

            store.start(new VerificationKey("default", PHONE), code(new byte[32]), Instant.now(), rules);

            assertThat(commands.pttl(KEY)).isGreaterThan(before);
            commands.del(KEY);
        }
    }
}
