package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.VerificationListener;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * With {@code waotp-verify} on the class path, a {@link Verifier} from {@code waotp.verify.*} (unless the
 * application defines its own). It sends codes through the application's {@link CodeSender} bean if it
 * has one, else through the {@code @AuthTemplate} sender {@code waotp.verify.sender} names, else through
 * the only one. It keeps codes and limits where {@link VerifierStateSelection} says (the Redis store when
 * {@link RedisVerificationConfiguration} applies); the start-up log says which. Every
 * {@link VerifierBuilderCustomizer} bean has the last word. An application with {@code waotp-verify} that
 * wants no verifier excludes this class ({@code spring.autoconfigure.exclude}).
 */
@AutoConfiguration(after = KaleyraAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(Verifier.class)
@EnableConfigurationProperties(VerifierProperties.class)
@Import({PropertyChecks.class, RedisVerificationConfiguration.class})
public final class VerifierAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierAutoConfiguration.class);

    /** The verifier; it tells every {@link VerificationListener} bean each outcome. */
    @Bean
    @ConditionalOnMissingBean
    Verifier verifier(VerifierProperties properties, ConfigurableListableBeanFactory beans,
            ObjectProvider<CodeSender> codeSender, ObjectProvider<VerificationListener> listeners,
            ObjectProvider<SmsFallback> smsFallback, ObjectProvider<FallbackProperties> fallback,
            ObjectProvider<VerifierBuilderCustomizer> customizers) {
        CodeSender sender = codeSender.getIfUnique(() -> VerifierSenderSelection.select(beans, properties.sender()));
        DeliveryTracking.requireFor(fallback.getIfAvailable(), sender, beans);
        Verifier.Builder builder = VerifierFactory.builder(properties, sender);
        if (sender instanceof TemplateCodeSender template && template.tracked()) {
            // Its @Ref2 carries the verifier's tag, so delivery callbacks reach the pending code.
            builder.trackedSender(template);
        }
        smsFallback.ifAvailable(builder::smsFallback);
        VerifierStateSelection.Selected state =
                VerifierStateSelection.select(properties.store(), beans, beans.getBeanClassLoader());
        VerificationStore store = state.store();
        RateLimitStorage rateLimits = state.rateLimitStorage();
        PropertyMapper map = PropertyMapper.get();
        map.from(store).to(builder::store);
        map.from(rateLimits).to(builder::rateLimitStorage);
        CompositeVerificationListener.of(listeners.orderedStream().toList()).ifPresent(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        LOG.info("waotp Verifier: codes sent through {}{}; pending codes kept {}; rate limits kept {}{}",
                sender, sender instanceof TemplateCodeSender t && t.tracked() ? ", delivery tracked through ref2" : "",
                where(store), where(rateLimits), smsFallback.getIfAvailable() == null ? "" : "; falls back to SMS");
        return VerifierFactory.build(builder);
    }

    /** The SMS fallback, when {@code waotp.sms.sender} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "waotp.sms", name = "sender")
    @ConditionalOnBean(KaleyraClient.class)
    @EnableConfigurationProperties({SmsProperties.class, FallbackProperties.class})
    static class SmsFallbackConfiguration {
        @Bean
        @ConditionalOnMissingBean
        SmsFallback smsFallback(SmsProperties sms, FallbackProperties fallback, KaleyraClient client) {
            return SmsFallbackFactory.create(sms, fallback, client);
        }
    }

    private static String where(@Nullable Object bean) {
        return bean == null ? "in memory, for this instance only" : "by " + bean.getClass().getSimpleName();
    }
}
