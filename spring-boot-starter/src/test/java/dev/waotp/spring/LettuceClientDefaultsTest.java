package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import dev.waotp.verify.redis.RedisTestServer;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The Lettuce client Spring Boot builds is set up as the verifier needs it, by default. */
class LettuceClientDefaultsTest extends StubbedKaleyra {
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

    /** Before: Lettuce's defaults, commands held while disconnected and a reconnect delay doubling up to 30 s. */
    @Test
    void bootsClientRejectsCommandsWhileDisconnectedAndTriesToReconnectEvery200Ms() {
        runner.withPropertyValues("spring.data.redis.port=" + redis.port()).run(context -> {
            AbstractRedisClient client = context.getBean(LettuceConnectionFactory.class).getRequiredNativeClient();

            assertThat(client.getOptions().getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT_COMMANDS);
            Delay delay = client.getResources().reconnectDelay();
            assertThat(IntStream.of(1, 5, 20).mapToObj(delay::createDelay))
                    .containsOnly(Duration.ofMillis(200));
        });
    }

    @Test
    void anApplicationsOwnCustomizerStillSetsTheDelay() {
        runner.withPropertyValues("spring.data.redis.port=" + redis.port())
                .withBean(ClientResourcesBuilderCustomizer.class,
                        () -> resources -> resources.reconnectDelay(Delay.constant(Duration.ofSeconds(1))))
                .run(context -> assertThat(context.getBean(LettuceConnectionFactory.class).getRequiredNativeClient()
                        .getResources().reconnectDelay().createDelay(3)).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void anApplicationsOwnFactoryThatHoldsCommandsFailsTheStartNamingTheOption() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
                .withUserConfiguration(TestApplication.class, OwnFactory.class)
                .withPropertyValues(kaleyraProperties())
                .withPropertyValues("waotp.verify.secret=" + SECRET, "own.port=" + redis.port())
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must reject commands while disconnected"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFactory {
        @Bean
        LettuceConnectionFactory own(org.springframework.core.env.Environment environment) {
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
                    environment.getRequiredProperty("own.port", Integer.class)));
        }
    }
}
