package dev.waotp.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.VerifierAutoConfiguration;
import dev.waotp.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class VerificationEndpointsAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VerifierAutoConfiguration.class,
                    VerificationEndpointsAutoConfiguration.class))
            .withBean(Verifier.class, () -> new TestVerifiers().builder().build());

    @Test
    void offUnlessEnabled() {
        web.run(context -> assertThat(context).doesNotHaveBean(VerificationController.class));
        web.withPropertyValues("waotp.web.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(VerificationController.class));
    }

    @Test
    void enabledInAServletApplicationWithAVerifier() {
        web.withPropertyValues("waotp.web.enabled=true", "waotp.web.purpose=api")
                .run(context -> {
                    assertThat(context).hasSingleBean(VerificationController.class);
                    assertThat(context.getBean(WebVerifyProperties.class).path()).isEqualTo("/waotp/verify");
                });
    }

    @Test
    void notInAnApplicationWithoutAServletWebServer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VerificationEndpointsAutoConfiguration.class))
                .withBean(Verifier.class, () -> new TestVerifiers().builder().build())
                .withPropertyValues("waotp.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(VerificationController.class));
    }

    @Test
    void notWithoutAVerifier() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VerificationEndpointsAutoConfiguration.class))
                .withPropertyValues("waotp.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(VerificationController.class));
    }
}
