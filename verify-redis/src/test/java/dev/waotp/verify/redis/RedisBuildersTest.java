package dev.waotp.verify.redis;

import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.VerificationStoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builders' options: bad values are refused naming the field, and a key prefix is where the keys go. */
class RedisBuildersTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void keyPrefixWithBracesIsRefusedBecauseThePhoneIsTheHashTag() {
        assertThatThrownBy(() -> RedisVerificationStore.builder(REDIS.client()).keyPrefix("app:{x}:"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("keyPrefix"));
        assertThatThrownBy(() -> RedisRateLimitStorage.builder(REDIS.client()).keyPrefix("app}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("keyPrefix"));
    }

    @Test
    void keyPrefixNamesTheKeysOfOneApplication() {
        String phone = "+919876543210";
        RedisCommands<String, String> admin = REDIS.client().connect().sync();
        try (RedisVerificationStore store = RedisVerificationStore.builder(REDIS.client()).keyPrefix("app1:otp:").build()) {
            store.start(new VerificationKey("login", phone), code(new byte[32]), Instant.now(),
                    new StartRules(Duration.ofMinutes(1), Duration.ZERO, 1));

            assertThat(admin.keys("*")).containsExactly("app1:otp:login:{" + phone + "}");
            admin.flushall();
        }
    }

    /** Before: the default client held the commands of an outage and ran them at the reconnect (lost logins). */
    @Test
    void aClientThatHoldsCommandsWhileDisconnectedIsRefusedNamingTheOption() {
        RedisClient holding = REDIS.newClient();
        holding.setOptions(ClientOptions.create());
        RedisClient neverReconnecting = REDIS.newClient();
        neverReconnecting.setOptions(RedisTestServer.CLIENT_OPTIONS.mutate().autoReconnect(false).build());

        assertThatThrownBy(() -> RedisVerificationStore.create(holding))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("client"))
                .hasMessageContaining("must reject commands while disconnected, with ClientOptions"
                        + " disconnectedBehavior(REJECT_COMMANDS)").hasMessageEndingWith("was DEFAULT");
        assertThatThrownBy(() -> RedisRateLimitStorage.create(holding))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("client"));
        assertThatThrownBy(() -> RedisVerificationStore.create(neverReconnecting))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("client"))
                .hasMessageContaining("must reconnect by itself");
    }

    @Test
    void aRedisThatCannotBeReachedIsAStoreExceptionAtCreation() {
        RedisTestServer stopped = RedisTestServer.start();
        RedisClient unreachable = stopped.newClient();
        stopped.stop();
        try {
            assertThatThrownBy(() -> RedisVerificationStore.create(unreachable))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessageStartingWith("Redis is unavailable: the connection failed (RedisConnectionException: Unable to connect to");
            assertThatThrownBy(() -> RedisRateLimitStorage.create(unreachable))
                    .isInstanceOf(VerificationStoreException.class)
                    .hasMessageStartingWith("Redis is unavailable: the connection failed (RedisConnectionException: Unable to connect to");
        } finally {
            stopped.close();
        }
    }
}
