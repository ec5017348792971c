package dev.waotp.spring.web;

import dev.waotp.verify.Verifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.web.*} properties of the ready verification endpoints. Public for Spring's binder and
 * the IDE metadata only.
 *
 * @param enabled Whether to serve POST {path}/start and POST {path}/check; off unless set to true.
 * @param path Where the two endpoints are served.
 * @param purpose The verifier purpose the endpoints' codes belong to, so that they never pass for codes of
 *     another flow, such as the Spring Security login.
 */
@ConfigurationProperties("waotp.web")
public record WebVerifyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/waotp/verify") String path,
        @DefaultValue(Verifier.DEFAULT_PURPOSE) String purpose) {}
