package dev.waotp.spring;

import dev.waotp.verify.CodeSender;
import dev.waotp.verify.VerificationListener;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * With {@code waotp-verify} on the class path, a {@link Verifier} from {@code waotp.verify.*} (unless the
 * application defines its own). It sends codes through the application's {@link CodeSender} bean if it
 * has one, else through the {@code @AuthTemplate} sender {@code waotp.verify.sender} names, else through
 * the only one. It keeps codes in the {@link VerificationStore} bean and limits starts with the
 * {@link RateLimiter} bean (the Redis ones, when {@link RedisVerificationConfiguration} applies), else in
 * memory; the start-up log says which. An application with {@code waotp-verify} that wants no verifier
 * excludes this class ({@code spring.autoconfigure.exclude}).
 */
@AutoConfiguration(after = KaleyraAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(Verifier.class)
@EnableConfigurationProperties(VerifyProperties.class)
@Import(RedisVerificationConfiguration.class)
public final class VerifierAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierAutoConfiguration.class);

    /** The verifier; it tells every {@link VerificationListener} bean each outcome. */
    @Bean
    @ConditionalOnMissingBean
    Verifier verifier(VerifyProperties properties, ListableBeanFactory beans, ObjectProvider<CodeSender> codeSender,
            ObjectProvider<VerificationStore> store, ObjectProvider<RateLimitStorage> rateLimiter,
            ObjectProvider<VerificationListener> listeners) {
        CodeSender sender = codeSender.getIfUnique(() -> VerifierSenderSelection.select(beans, properties.sender()));
        Verifier.Builder builder = VerifierFactory.builder(properties, sender);
        VerificationStore codes = store.getIfUnique();
        RateLimitStorage limits = rateLimiter.getIfUnique();
        KaleyraClientFactory.ifSet(codes, builder::store);
        KaleyraClientFactory.ifSet(limits, builder::rateLimitStorage);
        CompositeVerificationListener.of(listeners.orderedStream().toList()).ifPresent(builder::listener);
        LOG.info("waotp Verifier: codes sent through {}; pending codes kept {}; starts limited {}",
                sender, where(codes), where(limits));
        return builder.build();
    }

    private static String where(@Nullable Object bean) {
        return bean == null ? "in memory, for this instance only" : "by " + bean.getClass().getSimpleName();
    }
}
