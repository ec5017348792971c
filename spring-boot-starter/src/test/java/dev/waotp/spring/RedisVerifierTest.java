package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisTestServer;
import dev.waotp.verify.redis.RedisVerificationStore;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The verifier on the application's Redis, a real redis-server this test starts. */
@ExtendWith(OutputCaptureExtension.class)
class RedisVerifierTest extends StubbedKaleyra {
    private static RedisTestServer redis;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class,
                    DataRedisAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET);

    @BeforeAll
    static void startRedis() {
        redis = RedisTestServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void twoInstancesShareCodesAndLimitsThroughTheApplicationsRedis(CapturedOutput output) {
        String phone = "+447700900201";
        ApplicationContextRunner onRedis = runner.withPropertyValues("spring.data.redis.port=" + redis.port(),
                "waotp.verify.limits.per-phone.count=1");
        onRedis.run(first -> onRedis.run(second -> {
            assertThat(first.getBean(VerificationStore.class)).isInstanceOf(RedisVerificationStore.class);
            assertThat(first.getBean(RateLimitStorage.class)).isInstanceOf(RedisRateLimitStorage.class);

            assertThat(first.getBean(Verifier.class).start(phone, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
            assertThat(second.getBean(Verifier.class).start(phone, "203.0.113.8"))
                    .isInstanceOf(StartResult.RateLimited.class);
            assertThat(second.getBean(Verifier.class).check(phone, lastCodeSentTo(phone)))
                    .isInstanceOf(CheckResult.Approved.class);
            assertThat(first.getBean(Verifier.class).check(phone, lastCodeSentTo(phone)))
                    .isInstanceOf(CheckResult.NotPending.class);
        }));
        assertThat(output).contains("pending codes kept by RedisVerificationStore; rate limits kept by RedisRateLimitStorage");
    }

    @Test
    void withoutWaotpVerifyRedisTheStoreStaysInMemoryWithAWarning(CapturedOutput output) {
        runner.withPropertyValues("spring.data.redis.port=" + redis.port())
                .withClassLoader(new FilteredClassLoader(RedisVerificationStore.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(VerificationStore.class)
                            .doesNotHaveBean(RateLimitStorage.class).hasSingleBean(Verifier.class);
                    assertThat(output).contains("pending codes kept in memory, for this instance only")
                            .contains("N instances give an attacker N times the limits");
                });
    }

    @Test
    void redisChosenExplicitlyKeepsCodesAndLimitsUnderTheKeyPrefix() {
        String phone = "+447700900202";
        runner.withPropertyValues("spring.data.redis.port=" + redis.port(), "waotp.verify.store=redis",
                "waotp.verify.redis.key-prefix=app1:").run(context -> {
                    assertThat(context.getBean(Verifier.class).start(phone, "203.0.113.9"))
                            .isInstanceOf(StartResult.Sent.class);
                    RedisClient client = redis.newClient();
                    try (StatefulRedisConnection<String, String> connection = client.connect()) {
                        assertThat(connection.sync().keys("app1:*"))
                                .anyMatch(key -> key.startsWith("app1:verify:") && key.contains(phone))
                                .anyMatch(key -> key.startsWith("app1:limit:") && key.contains(phone));
                        assertThat(connection.sync().keys("waotp:*")).noneMatch(key -> key.contains(phone));
                    } finally {
                        client.shutdown();
                    }
                });
    }

    @Test
    void aKeyPrefixWithBracesStopsTheStartUp() {
        runner.withPropertyValues("spring.data.redis.port=" + redis.port(), "waotp.verify.redis.key-prefix={app1}:")
                .run(context -> KaleyraAutoConfigurationTest.assertAnalysis(context,
                        "The property waotp.verify.redis.key-prefix must not contain { or }, was {app1}:verify:.",
                        "Correct waotp.verify.redis.key-prefix in the application's configuration."));
    }

    @Test
    void withoutARedisConnectionTheStoreStaysInMemory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
                .withUserConfiguration(TestApplication.class)
                .withPropertyValues(kaleyraProperties())
                .withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VerificationStore.class)
                        .hasSingleBean(Verifier.class));
    }

    @Test
    void anUnreachableRedisStopsTheStartUpWithAFix() {
        try (RedisTestServer stopped = RedisTestServer.start()) {
            stopped.stop();
            runner.withPropertyValues("spring.data.redis.port=" + stopped.port()).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new WaotpFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription())
                        .startsWith("The Verifier's Redis store failed to start: Redis is unavailable:")
                        .contains(String.valueOf(stopped.port()));
                assertThat(analysis.getAction()).isEqualTo("Start Redis or correct the spring.data.redis.* properties;"
                        + " or set waotp.verify.store=memory if the application runs as a single instance.");
            });
        }
    }
}
