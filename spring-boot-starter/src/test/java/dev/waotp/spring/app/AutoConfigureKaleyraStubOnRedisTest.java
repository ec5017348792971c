package dev.waotp.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisTestServer;
import dev.waotp.verify.redis.RedisVerificationStore;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code @AutoConfigureKaleyraStub(store = "redis")}: the stub still takes the sends, the codes go to Redis. */
@SpringBootTest(classes = AutoConfigureKaleyraStubOnRedisTest.App.class,
        properties = {"spring.main.web-application-type=none", "waotp.verify.secret=" + AutoConfigureKaleyraStubTest.SECRET})
@AutoConfigureKaleyraStub(store = "redis")
@DirtiesContext
class AutoConfigureKaleyraStubOnRedisTest {
    private static final RedisTestServer REDIS = RedisTestServer.start();
    private static final String PHONE = "+447700900124";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Autowired
    Verifier verifier;

    @Autowired
    KaleyraStubInbox inbox;

    @Autowired
    VerificationStore store;

    @Autowired
    RateLimitStorage limits;

    @Test
    void codesAndLimitsAreKeptInTheRedisTheTestAskedFor() {
        assertThat(store).isInstanceOf(RedisVerificationStore.class);
        assertThat(limits).isInstanceOf(RedisRateLimitStorage.class);

        verifier.start(PHONE, "test");
        RedisCommands<String, String> redis = REDIS.newClient().connect().sync();
        assertThat(redis.keys("waotp:verify:*")).anySatisfy(key -> assertThat(key).contains(PHONE));

        assertThat(verifier.check(PHONE, inbox.lastCodeSentTo(PHONE))).isInstanceOf(CheckResult.Approved.class);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
