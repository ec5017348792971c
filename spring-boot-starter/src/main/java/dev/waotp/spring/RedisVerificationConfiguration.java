package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisVerificationStore;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * With {@code waotp-verify-redis} on the class path, a Lettuce connection factory in the application
 * (Spring Boot's, from {@code spring.data.redis.*}, or its own) and {@code waotp.verify.store} redis or
 * unset, the verifier keeps codes and rate limits in that Redis, through the factory's own Lettuce client:
 * no second client, pool or configuration. Each opens one connection of its own on that client and closes
 * it with the context. Several Lettuce factories need one marked {@code @Primary}. The client Spring Boot builds
 * gets what the store needs of it ({@link LettuceClientDefaults}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({RedisVerificationStore.class, LettuceConnectionFactory.class})
@ConditionalOnProperty(prefix = "waotp.verify", name = "store", havingValue = "redis", matchIfMissing = true)
@ConditionalOnBean(LettuceConnectionFactory.class)
@Import(LettuceClientDefaults.class)
class RedisVerificationConfiguration {
    private static final String CLIENT_FIX = "Let Spring Boot build the LettuceConnectionFactory (waotp sets the"
            + " option on it), or build yours with LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()"
            + ".disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS).build()).";
    private static final String UNREACHABLE_FIX = "Start Redis or correct the spring.data.redis.* properties;"
            + " or set waotp.verify.store=memory if the application runs as a single instance.";

    @Bean
    @ConditionalOnMissingBean
    VerificationStore redisVerificationStore(ListableBeanFactory beans, VerifierProperties properties) {
        LettuceConnectionFactory redis = lettuce(beans);
        return connect("store", () -> RedisVerificationStore.builder(redis.getRequiredNativeClient())
                .keyPrefix(properties.redis().keyPrefix() + "verify:")
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitStorage redisRateLimitStorage(ListableBeanFactory beans, VerifierProperties properties) {
        LettuceConnectionFactory redis = lettuce(beans);
        return connect("rate limit storage", () -> RedisRateLimitStorage.builder(redis.getRequiredNativeClient())
                .keyPrefix(properties.redis().keyPrefix() + "limit:")
                .build());
    }

    /** The one factory; one that does not start early is started here, since its client is needed now. */
    private static LettuceConnectionFactory lettuce(ListableBeanFactory beans) {
        LettuceConnectionFactory redis = SingleBean.of(beans, LettuceConnectionFactory.class, "Redis connection");
        if (redis == null) {
            throw new IllegalStateException("@ConditionalOnBean(LettuceConnectionFactory.class) held, yet none");
        }
        if (!redis.isRunning()) {
            redis.start();
        }
        return redis;
    }

    private static <T> T connect(String what, Supplier<T> open) {
        try {
            return open.get();
        } catch (InvalidInputException e) {
            if (e.field().equals("client")) {
                throw new WaotpStartupException("The Verifier's Redis " + what + " cannot use the application's Lettuce"
                        + " client: " + e.getMessage() + ".", CLIENT_FIX, e);
            }
            throw WaotpStartupException.invalidProperty("waotp.verify.redis.key-prefix", e.rule(), null, e);
        } catch (VerificationStoreException e) {
            throw new WaotpStartupException(
                    "The Verifier's Redis " + what + " failed to start: " + e.getMessage() + ".", UNREACHABLE_FIX, e);
        }
    }
}
