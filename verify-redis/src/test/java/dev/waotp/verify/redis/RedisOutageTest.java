package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.tck.StubPhone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped mid-test under a verifier that keeps both its codes and its rate limits there: every call fails
 * closed with one clear message, nothing is sent or approved, and everything works again once Redis is back.
 */
class RedisOutageTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String REJECTED = "Currently not connected. Commands are rejected.";
    private static final String PHONE = "+919876543210";
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private RedisTestServer redis;
    private RedisVerificationStore store;
    private RedisRateLimitStorage limits;
    private StubPhone phone;
    private Verifier verifier;

    @BeforeEach
    void startRedis() {
        redis = RedisTestServer.start();
        store = RedisVerificationStore.create(redis.newClient());
        limits = RedisRateLimitStorage.create(redis.newClient());
        phone = new StubPhone();
        verifier = Verifier.builder().sender(phone.sender()).secret(SECRET).storeTimeout(TIMEOUT)
                .store(store).rateLimitStorage(limits).build();
    }

    @AfterEach
    void stopRedis() {
        phone.close();
        limits.close();
        store.close();
        redis.close();
    }

    /**
     * Before: four messages for one outage, one of them "Redis failed a rate limit: null"; then each call waited for
     * the timeout while Lettuce held its command. Now each fails at once, naming the one cause.
     */
    @Test
    void oneOutageIsOneClearMessageAndNothingIsSentOrApproved() {
        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
        String sent = phone.lastCode();
        redis.stop();

        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            messages.add(catchThrowable(() -> verifier.check(PHONE, sent)).getMessage());
            messages.add(catchThrowable(() -> verifier.start(PHONE, "caller")).getMessage());
            messages.add(catchThrowable(() -> verifier.start("+919876543211", "other")).getMessage());
        }

        assertThat(messages).containsOnly(
                "Redis is unavailable: the check of a code failed (RedisException: " + REJECTED + ")",
                "the verification storage failed (the rate limits): RedisException: " + REJECTED);
        assertThat(phone.requests()).as("nothing sent while Redis is down").isEqualTo(1);
    }

    @Test
    void verifierWorksAgainOnceRedisIsBackAndCallsThatFailedDoNotRunLater() {
        redis.stop();
        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(VerificationStoreException.class);
        redis.restart();

        // The start that failed must not be replayed on reconnection: this one is the first, not "too soon".
        assertThat(Eventually.answer(() -> verifier.start(PHONE, "caller"))).isInstanceOf(StartResult.Sent.class);
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }
}
