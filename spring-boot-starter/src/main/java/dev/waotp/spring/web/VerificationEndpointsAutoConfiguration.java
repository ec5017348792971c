package dev.waotp.spring.web;

import dev.waotp.spring.VerifierAutoConfiguration;
import dev.waotp.verify.Verifier;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * With {@code waotp.web.enabled=true} in a Spring MVC application that has a {@link Verifier}, the
 * {@link VerificationController} at {@code waotp.web.path}. Off by default: an application opts in to
 * serving endpoints that send messages on its account.
 */
@AutoConfiguration(after = VerifierAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Verifier.class, DispatcherServlet.class, ProblemDetail.class})
@ConditionalOnProperty(prefix = "waotp.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(Verifier.class)
@EnableConfigurationProperties(WebVerifyProperties.class)
public final class VerificationEndpointsAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does. */
    public VerificationEndpointsAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    VerificationController waotpVerificationController(Verifier verifier, WebVerifyProperties properties) {
        return new VerificationController(verifier.forPurpose(properties.purpose()), Clock.systemUTC());
    }
}
