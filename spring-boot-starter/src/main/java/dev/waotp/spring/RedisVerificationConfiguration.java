package dev.waotp.spring;

import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisVerificationStore;
import io.lettuce.core.AbstractRedisClient;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * With {@code waotp-verify-redis} on the class path and a Lettuce connection factory in the application
 * (Spring Boot's, from {@code spring.data.redis.*}, or its own), the verifier keeps codes and rate limits
 * in that Redis, through the factory's own Lettuce client: no second client, pool or configuration.
 * Each store opens one connection of its own on that client and closes it with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({RedisVerificationStore.class, LettuceConnectionFactory.class})
@ConditionalOnBean(LettuceConnectionFactory.class)
class RedisVerificationConfiguration {
    private static final String UNREACHABLE_FIX = "Start Redis or correct the spring.data.redis.* properties;"
            + " or, for a single instance, remove waotp-verify-redis to keep codes in memory.";

    @Bean
    @ConditionalOnMissingBean
    VerificationStore redisVerificationStore(LettuceConnectionFactory redis) {
        return connect(redis, "store", RedisVerificationStore::create);
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitStorage redisRateLimitStorage(LettuceConnectionFactory redis) {
        return connect(redis, "rate limiter", RedisRateLimitStorage::create);
    }

    /** A factory that does not start early is started here, since its client is needed now. */
    private static <T> T connect(LettuceConnectionFactory redis, String what, Function<AbstractRedisClient, T> open) {
        if (!redis.isRunning()) {
            redis.start();
        }
        try {
            return open.apply(redis.getRequiredNativeClient());
        } catch (VerificationStoreException e) {
            throw new WaotpStartupException("The Verifier's Redis " + what + " failed to start: " + e.getMessage() + ".",
                    UNREACHABLE_FIX, e);
        }
    }
}
