package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import dev.waotp.verify.InMemoryRateLimitStorage;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisVerificationStore;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Where the verifier keeps codes and limits, and every way the choice can be ambiguous or unusable: each
 * stops the start-up with Boot's report, never a silent fall back to one instance's memory.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerifierStoreSelectionTest extends StubbedKaleyra {
    private static final String MEMORY_WARNING = "waotp Verifier keeps pending codes and rate limits in memory, for"
            + " this instance only: N instances give an attacker N times the limits. Set waotp.verify.store=redis to"
            + " keep them in Redis (with waotp-verify-redis and a Lettuce connection factory), or"
            + " waotp.verify.store=memory if the application runs as a single instance.";
    private static final String ADD_REDIS = "Add spring-boot-starter-data-redis and set spring.data.redis.*, or"
            + " define a LettuceConnectionFactory bean; or set waotp.verify.store=memory if the application runs as a"
            + " single instance.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET);

    @Test
    void twoStoresWithNonePrimaryStopTheStartUpNamingThem() {
        runner.withBean("codesA", VerificationStore.class, InMemoryVerificationStore::new)
                .withBean("codesB", VerificationStore.class, InMemoryVerificationStore::new)
                .run(context -> assertAnalysis(context,
                        "The Verifier needs one store for pending codes, and the application has 2"
                                + " VerificationStore beans, none @Primary: codesA, codesB.",
                        "Mark the one the Verifier should use @Primary, or remove the others."));
    }

    @Test
    void twoRateLimitStoragesWithNonePrimaryStopTheStartUpNamingThem() {
        runner.withBean("limitsA", RateLimitStorage.class, InMemoryRateLimitStorage::new)
                .withBean("limitsB", RateLimitStorage.class, InMemoryRateLimitStorage::new)
                .run(context -> assertAnalysis(context,
                        "The Verifier needs one storage for rate limits, and the application has 2 RateLimitStorage"
                                + " beans, none @Primary: limitsA, limitsB.",
                        "Mark the one the Verifier should use @Primary, or remove the others."));
    }

    @Test
    void ofTwoStoresThePrimaryOneIsUsed(CapturedOutput output) {
        runner.withBean("codesA", VerificationStore.class, InMemoryVerificationStore::new)
                .withBean("codesB", VerificationStore.class, InMemoryVerificationStore::new,
                        definition -> definition.setPrimary(true))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Verifier.class);
                    assertThat(output).contains("pending codes kept by InMemoryVerificationStore");
                });
    }

    @Test
    void unsetWithRedisOnTheClassPathButNoConnectionWarnsThatLimitsMultiply(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Verifier.class);
            assertThat(output).contains("WARN").contains(MEMORY_WARNING);
        });
    }

    @Test
    void memoryChosenExplicitlyIsNotWarnedAbout(CapturedOutput output) {
        runner.withPropertyValues("waotp.verify.store=memory").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Verifier.class);
            assertThat(output).contains("pending codes kept in memory, for this instance only")
                    .doesNotContain("N times the limits");
        });
    }

    @Test
    void withoutAnyRedisOnTheClassPathMemoryIsNotWarnedAbout(CapturedOutput output) {
        runner.withClassLoader(new FilteredClassLoader(RedisVerificationStore.class, RedisConnectionFactory.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Verifier.class);
                    assertThat(output).doesNotContain("N times the limits");
                });
    }

    @Test
    void redisWithoutWaotpVerifyRedisStopsTheStartUp() {
        runner.withPropertyValues("waotp.verify.store=redis")
                .withClassLoader(new FilteredClassLoader(RedisVerificationStore.class))
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.store is redis, but waotp-verify-redis is not on the class path.",
                        "Add the dependency dev.waotp:waotp-verify-redis, or set waotp.verify.store=memory if the"
                                + " application runs as a single instance."));
    }

    @Test
    void redisWithoutSpringDataRedisStopsTheStartUp() {
        runner.withPropertyValues("waotp.verify.store=redis")
                .withClassLoader(new FilteredClassLoader(LettuceConnectionFactory.class))
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.store is redis, but Spring Data Redis is not on the class path.",
                        ADD_REDIS));
    }

    @Test
    void redisWithoutAConnectionFactoryStopsTheStartUp() {
        runner.withPropertyValues("waotp.verify.store=redis")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.store is redis, but the application has no Redis connection"
                                + " factory.",
                        ADD_REDIS));
    }

    @Test
    void redisThroughAnotherClientThanLettuceStopsTheStartUp() {
        runner.withPropertyValues("waotp.verify.store=redis")
                .withBean("jedisConnectionFactory", RedisConnectionFactory.class, JedisLikeConnectionFactory::new)
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.store is redis, but the application's Redis connection factory"
                                + " jedisConnectionFactory is a JedisLikeConnectionFactory, and waotp-verify-redis"
                                + " works through Lettuce only.",
                        "Use Lettuce, the client spring-boot-starter-data-redis comes with (remove Jedis, or set"
                                + " spring.data.redis.client-type=lettuce); or set waotp.verify.store=memory if the"
                                + " application runs as a single instance."));
    }

    @Test
    void unsetWithRedisThroughAnotherClientWarns(CapturedOutput output) {
        runner.withBean("jedisConnectionFactory", RedisConnectionFactory.class, JedisLikeConnectionFactory::new)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(VerificationStore.class);
                    assertThat(output).contains(MEMORY_WARNING);
                });
    }

    @Test
    void twoLettuceFactoriesWithNonePrimaryStopTheStartUp() {
        runner.withUserConfiguration(TwoLettuceFactories.class)
                .run(context -> assertAnalysis(context,
                        "The Verifier needs one Redis connection, and the application has 2 LettuceConnectionFactory"
                                + " beans, none @Primary: first, second.",
                        "Mark the one the Verifier should use @Primary, or remove the others."));
    }

    @Test
    void memoryKeepsRedisOutEvenWithALettuceFactory() {
        runner.withUserConfiguration(TwoLettuceFactories.class).withPropertyValues("waotp.verify.store=memory")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Verifier.class)
                        .doesNotHaveBean(VerificationStore.class).doesNotHaveBean(RateLimitStorage.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoLettuceFactories {
        @Bean
        LettuceConnectionFactory first() {
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", 1));
        }

        @Bean
        LettuceConnectionFactory second() {
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", 2));
        }
    }

    /** Stands for Jedis's factory, which this build does not have: a Redis connection not through Lettuce. */
    static class JedisLikeConnectionFactory implements RedisConnectionFactory {
        @Override
        public boolean getConvertPipelineAndTxResults() {
            return false;
        }

        @Override
        public RedisConnection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RedisClusterConnection getClusterConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RedisSentinelConnection getSentinelConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
            return null;
        }
    }
}
