package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraTransportException;
import dev.waotp.SendResult;
import dev.waotp.spring.app.LoginCode;
import dev.waotp.spring.app.LoginCodeImpl;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.spring.other.OwnPackage;
import dev.waotp.spring.other.SignupCode;
import dev.waotp.spring.other.SignupCodeImpl;
import dev.waotp.testing.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AuthTemplateRegistrationTest extends StubbedKaleyra {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class))
            .withPropertyValues(kaleyraProperties());

    @Test
    void aTemplateInTheApplicationsPackageBecomesABeanOfItsGeneratedClass() {
        runner.withUserConfiguration(TestApplication.class).run(context -> {
            assertThat(context.getBeanNamesForType(LoginCode.class)).containsExactly("loginCode");
            assertThat(context.getBean(LoginCode.class)).isInstanceOf(LoginCodeImpl.class);
            assertThat(context.getBeanNamesForType(SignupCode.class)).isEmpty();

            SendResult result = context.getBean(LoginCode.class).send("+447700900123", "731904");

            assertThat(stub.received()).anySatisfy(message -> {
                assertThat(message.messageId()).isEqualTo(result.messageId());
                assertThat(message.recipients()).containsExactly("+447700900123");
                assertThat(message.templateName()).isEqualTo("auth1");
                assertThat(message.otp()).isEqualTo("731904");
            });
        });
    }

    @Test
    void theTimeoutPropertiesReachTheSenders() {
        runner.withUserConfiguration(TestApplication.class)
                .withPropertyValues("waotp.kaleyra.read-timeout=100ms", "waotp.kaleyra.retry.max-attempts=1")
                .run(context -> {
                    stub.failNext(1, Fault.delay(Duration.ofSeconds(2)));
                    assertThatThrownBy(() -> context.getBean(LoginCode.class).send("+447700900123", "731904"))
                            .isInstanceOf(KaleyraTransportException.class);
                });
    }

    @Test
    void withoutAnApplicationPackageNothingIsScanned() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LoginCode.class));
    }

    @Test
    void enableAuthTemplatesAddsOtherPackages() {
        runner.withUserConfiguration(TestApplication.class, OtherPackage.class).run(context -> {
            assertThat(context.getBeanNamesForType(SignupCode.class)).containsExactly("signupCode");
            assertThat(context.getBean(SignupCode.class)).isInstanceOf(SignupCodeImpl.class);
            assertThat(context.getBeanNamesForType(LoginCode.class)).containsExactly("loginCode");
        });
    }

    @Test
    void enableAuthTemplatesWithoutAttributesScansItsOwnPackage() {
        runner.withUserConfiguration(OwnPackage.class)
                .run(context -> assertThat(context.getBeanNamesForType(SignupCode.class)).containsExactly("signupCode"));
    }

    @Test
    void aPackageScannedTwiceGivesOneBeanPerTemplate() {
        runner.withUserConfiguration(TestApplication.class, SamePackageAgain.class)
                .run(context -> assertThat(context.getBeanNamesForType(LoginCode.class)).containsExactly("loginCode"));
    }

    @Test
    void aSenderTheApplicationRegisteredItselfIsNotRegisteredAgain() {
        runner.withUserConfiguration(TestApplication.class).withBean(LoginCodeImpl.class)
                .run(context -> assertThat(context.getBeanNamesForType(LoginCode.class)).hasSize(1)
                        .doesNotContain("loginCode"));
    }

    @Test
    void aSenderFromTheApplicationsOwnBeanMethodIsTheOnlyOne() {
        runner.withUserConfiguration(TestApplication.class, OwnLoginCode.class)
                .run(AuthTemplateRegistrationTest::hasOnlyTheApplicationsLoginCode);
    }

    @Test
    void aSenderFromABeanMethodOfAnotherNameIsTheOnlyOne() {
        runner.withUserConfiguration(TestApplication.class, OwnLoginCodeOtherName.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(LoginCode.class)).containsExactly("myLoginCode");
        });
    }

    @Test
    void aSenderFromABeanMethodDeclaredAfterEnableAuthTemplatesIsTheOnlyOne() {
        // SamePackageAgain's registrar runs before OwnLoginCode's @Bean methods are read.
        runner.withUserConfiguration(SamePackageAgain.class, OwnLoginCode.class)
                .run(AuthTemplateRegistrationTest::hasOnlyTheApplicationsLoginCode);
    }

    /** One LoginCode bean: the one {@link OwnLoginCode#loginCode} makes, not a sender of the starter's. */
    private static void hasOnlyTheApplicationsLoginCode(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        assertThat(context.getBeanNamesForType(LoginCode.class)).containsExactly("loginCode");
        assertThat(context.getBeanFactory().getBeanDefinition("loginCode").getFactoryMethodName())
                .isEqualTo("loginCode");
    }

    @Test
    void aMissingGeneratedClassStopsTheStartUpSayingHowToAddTheProcessor() {
        runner.withUserConfiguration(TestApplication.class)
                .withClassLoader(new FilteredClassLoader(LoginCodeImpl.class))
                .run(context -> assertAnalysis(context,
                        "The @AuthTemplate interface dev.waotp.spring.app.LoginCode has no generated sender:"
                                + " dev.waotp.spring.app.LoginCodeImpl is missing, so the waotp annotation processor"
                                + " did not run on it.",
                        "Add dev.waotp:waotp-processor to the annotation processor path of the module that declares"
                                + " dev.waotp.spring.app.LoginCode: in Maven, an <annotationProcessorPaths> <path> of"
                                + " the maven-compiler-plugin; in Gradle, annotationProcessor(\"dev.waotp:waotp-processor\")."));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAuthTemplates(basePackageClasses = SignupCode.class)
    static class OtherPackage {}

    @Configuration(proxyBeanMethods = false)
    @EnableAuthTemplates(basePackages = "dev.waotp.spring.app")
    static class SamePackageAgain {}

    /** The README's "Spring without Boot" bean method, kept when the application moves to the starter. */
    @Configuration(proxyBeanMethods = false)
    static class OwnLoginCode {
        @Bean
        LoginCode loginCode(KaleyraClient client) {
            return new LoginCodeImpl(client);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLoginCodeOtherName {
        @Bean
        LoginCode myLoginCode(KaleyraClient client) {
            return new LoginCodeImpl(client);
        }
    }
}
