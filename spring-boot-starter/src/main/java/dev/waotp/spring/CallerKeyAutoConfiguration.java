package dev.waotp.spring;

import dev.waotp.verify.Verifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * In a servlet web application with {@code waotp-verify}, the {@link CallerKeyResolver} that the login's
 * phone form and the {@code waotp.web} start endpoint take their caller key from, with the proxies
 * {@code waotp.web.trusted-proxies} names. Spring's {@code server.forward-headers-strategy=framework}
 * takes the leftmost {@code X-Forwarded-For} value, which the client writes: with it a client chooses its
 * own caller key, so the start-up log warns, and refuses it alongside trusted proxies (that filter hides
 * the header they would be read from).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Verifier.class, HttpServletRequest.class})
@EnableConfigurationProperties(CallerKeyProperties.class)
public final class CallerKeyAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CallerKeyAutoConfiguration.class);
    private static final String PROPERTY = "waotp.web.trusted-proxies";
    private static final String STRATEGY = "server.forward-headers-strategy";

    /** Creates the auto-configuration; Spring Boot does. */
    public CallerKeyAutoConfiguration() {}

    @Bean
    CallerKeyResolver waotpCallerKeyResolver(CallerKeyProperties properties, Environment environment) {
        List<AddressRange> trusted = new ArrayList<>();
        for (int i = 0; i < properties.trustedProxies().size(); i++) {
            try {
                trusted.add(AddressRange.parse(properties.trustedProxies().get(i)));
            } catch (IllegalArgumentException e) {
                throw WaotpStartupException.invalidProperty(PROPERTY + "[" + i + "]", e.getMessage(),
                        "List the addresses or CIDR ranges of your reverse proxies, for example " + PROPERTY
                                + "=10.0.0.0/8,fd00::/8.", null);
            }
        }
        if ("framework".equals(environment.getProperty(STRATEGY, "").strip().toLowerCase(Locale.ROOT))) {
            if (!trusted.isEmpty()) {
                throw new WaotpStartupException("The properties " + PROPERTY + " and " + STRATEGY + "=framework"
                        + " cannot go together: Spring's ForwardedHeaderFilter removes X-Forwarded-For before"
                        + " waotp could read it, and puts its leftmost value, which the client writes, in its place.",
                        "Set " + STRATEGY + "=none to let waotp read X-Forwarded-For past the proxies " + PROPERTY
                                + " names, or " + STRATEGY + "=native on Tomcat and remove " + PROPERTY + ".", null);
            }
            LOG.warn("{}=framework: Spring's ForwardedHeaderFilter takes the leftmost X-Forwarded-For value, which the"
                    + " client writes, so a client behind a proxy that appends to the header chooses its own waotp caller"
                    + " key and escapes the per-caller limit. On Tomcat use {}=native; elsewhere {}=none and {}.",
                    STRATEGY, STRATEGY, STRATEGY, PROPERTY);
        }
        return new CallerKeyResolver(trusted);
    }
}
