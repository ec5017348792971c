package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.SendListener;
import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.verify.InMemoryRateLimitStorage;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What {@link AutoConfigureKaleyraStub} imports into a test's context: a stub approving the application's
 * templates, the client bean sending to it, and a {@link KaleyraStubInbox} to read the codes from. Not in
 * the application's auto-configurations: only a test asks for it.
 */
@AutoConfiguration(before = {KaleyraAutoConfiguration.class, DevModeAutoConfiguration.class,
        VerifierAutoConfiguration.class})
@Import(PropertyChecks.class)
public final class KaleyraStubTestAutoConfiguration {
    /** Creates the auto-configuration; the test context does. */
    public KaleyraStubTestAutoConfiguration() {}

    /** The stub, closed with the test's context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KaleyraStub waotpTestStub(ListableBeanFactory beans) {
        return EmbeddedStubs.start(beans);
    }

    /** The client, sending to the stub. */
    @Bean
    @ConditionalOnMissingBean
    KaleyraClient kaleyraClient(KaleyraStub stub, ObjectProvider<SendListener> listeners) {
        return EmbeddedStubs.client(stub, listeners);
    }

    /** The codes the stub received, for the test to type. */
    @Bean
    @ConditionalOnMissingBean
    KaleyraStubInbox kaleyraStubInbox(KaleyraStub stub) {
        return new KaleyraStubInbox(stub);
    }

    /**
     * With {@code waotp.verify.store=memory} (the annotation's default), memory beans for codes and limits,
     * so that the Redis ones, which back off when such beans exist, are not made even when the class path
     * and the context have Redis.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Verifier.class)
    @ConditionalOnProperty(prefix = "waotp.verify", name = "store", havingValue = "memory")
    static class InMemoryVerification {
        @Bean
        @ConditionalOnMissingBean
        VerificationStore waotpTestVerificationStore() {
            return new InMemoryVerificationStore();
        }

        @Bean
        @ConditionalOnMissingBean
        RateLimitStorage waotpTestRateLimitStorage() {
            return new InMemoryRateLimitStorage();
        }
    }
}
