package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisTestServer;
import dev.waotp.verify.redis.RedisVerificationStore;
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
        assertThat(output).contains("pending codes kept by RedisVerificationStore; starts limited by RedisRateLimitStorage");
    }

    @Test
    void withoutWaotpVerifyRedisTheStoreStaysInMemory(CapturedOutput output) {
        runner.withPropertyValues("spring.data.redis.port=" + redis.port())
                .withClassLoader(new FilteredClassLoader(RedisVerificationStore.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(VerificationStore.class)
                            .doesNotHaveBean(RateLimitStorage.class).hasSingleBean(Verifier.class);
                    assertThat(output).contains("pending codes kept in memory, for this instance only");
                });
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
                        .startsWith("The Verifier's Redis store failed to start: Redis is unavailable:"
                                + " the connection failed")
                        .contains(String.valueOf(stopped.port()));
                assertThat(analysis.getAction()).isEqualTo("Start Redis or correct the spring.data.redis.* properties;"
                        + " or, for a single instance, remove waotp-verify-redis to keep codes in memory.");
            });
        }
    }
}
