package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.waotp.KaleyraClient;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.verify.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The case: Spring Security's filter chain needs the {@link Verifier}, so the verifier is built before
 * anything of the Kaleyra client's (here the application has its own client), while
 * {@code waotp.verify.secret=${WAOTP_VERIFY_SECRET}} has no variable. The report must name the variable, not the
 * 22 bytes of the placeholder's text.
 */
class PlaceholderBeforeAnyBeanTest extends StubbedKaleyra {
    @BeforeAll
    static void variableIsUnset() {
        assumeTrue(System.getenv("WAOTP_VERIFY_SECRET") == null, "WAOTP_VERIFY_SECRET is set where the tests run");
    }

    /** As in an application, the auto-configurations' beans are registered after the application's own. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class})
    static class SecuredApp {
        @Bean
        KaleyraClient ownClient() {
            return stub.clientBuilder().build();
        }

        @Bean
        SecurityFilterChain filterChain(HttpSecurity http, Verifier verifier) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
        }
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(TestApplication.class, SecuredApp.class);

    @Test
    void theFilterChainAskingForTheVerifierFirstStillGetsTheVariableNamed() {
        runner.withPropertyValues("waotp.verify.secret=${WAOTP_VERIFY_SECRET}")
                .run(context -> assertThat(assertAnalysis(context,
                        "The property waotp.verify.secret is ${WAOTP_VERIFY_SECRET}, but WAOTP_VERIFY_SECRET is not"
                                + " set.",
                        "Set the environment variable WAOTP_VERIFY_SECRET (or a property of that name) where the"
                                + " application starts, or change waotp.verify.secret.").getDescription())
                        .doesNotContain("bytes"));
    }

    @Test
    void withTheVariableSetTheSameApplicationStarts() {
        runner.withPropertyValues("waotp.verify.secret=${WAOTP_TEST_SECRET}", "WAOTP_TEST_SECRET=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class));
    }
}
