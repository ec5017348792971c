package dev.waotp.spring;

import dev.waotp.spring.VerifierProperties.Store;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Where the verifier keeps pending codes and rate limits: the {@link VerificationStore} and
 * {@link RateLimitStorage} beans (the Redis ones when {@link RedisVerificationConfiguration} applies), else
 * memory. Several beans of one type stop the start-up ({@link SingleBean}); {@code waotp.verify.store=redis}
 * without a usable Redis stops it saying why; memory chosen for want of Redis while Redis is on the class
 * path is logged at WARN, since N instances then give an attacker N times the limits.
 */
final class VerifierStateSelection {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierAutoConfiguration.class);
    private static final String REDIS_STORE = "dev.waotp.verify.redis.RedisVerificationStore";
    private static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";
    private static final String LETTUCE_FACTORY =
            "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";
    private static final String OR_MEMORY =
            "set waotp.verify.store=memory if the application runs as a single instance.";
    private static final String ADD_REDIS = "Add spring-boot-starter-data-redis and set spring.data.redis.*, or"
            + " define a LettuceConnectionFactory bean; or " + OR_MEMORY;

    /** The beans found; a null one means memory. */
    record Selected(@Nullable VerificationStore store, @Nullable RateLimitStorage rateLimitStorage) {}

    private VerifierStateSelection() {}

    static Selected select(@Nullable Store setting, ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
        Selected selected = new Selected(SingleBean.of(beans, VerificationStore.class, "store for pending codes"),
                SingleBean.of(beans, RateLimitStorage.class, "storage for rate limits"));
        if (selected.store() != null && selected.rateLimitStorage() != null) {
            return selected;
        }
        if (setting == Store.REDIS) {
            throw redisUnusable(beans, classLoader);
        }
        if (setting == null && (ClassUtils.isPresent(REDIS_STORE, classLoader)
                || ClassUtils.isPresent(CONNECTION_FACTORY, classLoader))) {
            LOG.warn("waotp Verifier keeps {} in memory, for this instance only: N instances give an attacker N"
                    + " times the limits. Set waotp.verify.store=redis to keep them in Redis (with waotp-verify-redis"
                    + " and a Lettuce connection factory), or waotp.verify.store=memory if the application runs"
                    + " as a single instance.", inMemory(selected));
        }
        return selected;
    }

    private static String inMemory(Selected selected) {
        if (selected.store() == null) {
            return selected.rateLimitStorage() == null ? "pending codes and rate limits" : "pending codes";
        }
        return "rate limits";
    }

    private static WaotpStartupException redisUnusable(ListableBeanFactory beans, @Nullable ClassLoader classLoader) {
        String redis = "The property waotp.verify.store is redis, but ";
        if (!ClassUtils.isPresent(REDIS_STORE, classLoader)) {
            return new WaotpStartupException(redis + "waotp-verify-redis is not on the class path.",
                    "Add the dependency dev.waotp:waotp-verify-redis, or " + OR_MEMORY, null);
        }
        if (!ClassUtils.isPresent(LETTUCE_FACTORY, classLoader)) {
            return new WaotpStartupException(redis + "Spring Data Redis is not on the class path.", ADD_REDIS, null);
        }
        String[] factories = beans.getBeanNamesForType(ClassUtils.resolveClassName(CONNECTION_FACTORY, classLoader));
        if (factories.length == 0) {
            return new WaotpStartupException(redis + "the application has no Redis connection factory.", ADD_REDIS,
                    null);
        }
        Arrays.sort(factories);
        Class<?> type = beans.getType(factories[0]);
        return new WaotpStartupException(redis + "the application's Redis connection factory " + factories[0]
                + " is a " + (type == null ? "factory of unknown type" : type.getSimpleName())
                + ", and waotp-verify-redis works through Lettuce only.",
                "Use Lettuce, the client spring-boot-starter-data-redis comes with (remove Jedis, or set"
                        + " spring.data.redis.client-type=lettuce); or " + OR_MEMORY, null);
    }
}
