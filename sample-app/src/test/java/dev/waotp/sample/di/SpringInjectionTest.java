package dev.waotp.sample.di;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraClient;
import dev.waotp.sample.LoginCode;
import dev.waotp.sample.LoginCodeImpl;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Spring finds the generated sender by component scanning (it carries {@code @Named} when compiled with
 * {@code -Awaotp.named=true}) or takes it from a {@code @Bean} method. The configuration classes are
 * not {@code @Configuration}, so that scanning this package does not pick them up too.
 */
class SpringInjectionTest extends StubbedKaleyra {
    @ComponentScan(basePackageClasses = SignInCode.class)
    static class Scanning {}

    static class Beans {
        @Bean
        LoginCode loginCode(KaleyraClient client) {
            return new LoginCodeImpl(client);
        }
    }

    private AnnotationConfigApplicationContext context(Class<?>... classes) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(KaleyraClient.class, () -> client);
        context.register(classes);
        context.refresh();
        return context;
    }

    @Test
    void componentScanningFindsTheGeneratedSender() {
        try (AnnotationConfigApplicationContext context = context(Scanning.class)) {
            assertThat(context.getBeanNamesForType(SignInCode.class)).containsExactly("signInCodeImpl");

            String messageId = context.getBean(SignInService.class).sendCode("+447700900123", "731904");

            assertSentOnly(messageId, "signin_code", "en_GB", "+447700900123", "731904");
        }
    }

    @Test
    void aBeanMethodBindsTheGeneratedSender() {
        try (AnnotationConfigApplicationContext context = context(Beans.class, LoginService.class)) {
            String messageId = context.getBean(LoginService.class).sendCode("+919876543210", "482913");

            assertSentOnly(messageId, "auth1", "en_US", "+919876543210", "482913");
        }
    }
}
