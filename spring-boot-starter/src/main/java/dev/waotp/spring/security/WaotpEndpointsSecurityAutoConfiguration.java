package dev.waotp.spring.security;

import dev.waotp.spring.CallbackAutoConfiguration;
import dev.waotp.spring.DevModeAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * waotp's own endpoints behind Spring Security, without the application's help: the delivery callback
 * endpoint ({@code POST {waotp.callbacks.path}}) and, in dev mode, the page of the stub's messages
 * ({@code GET {waotp.dev.messages-path}}).
 *
 * <p>Why a filter chain of its own: an application's chain ({@code anyRequest().authenticated()}, a form
 * login) would send Kaleyra's callbacks to its login page and refuse them for want of a CSRF token, and
 * Kaleyra cannot sign in or carry a token. The callback endpoint authenticates each callback itself, with
 * the credentials of {@code waotp.callbacks.*}, and refuses it (401) before reading its body. So this chain,
 * whose {@code securityMatcher} is exactly those methods and paths, permits them, has no CSRF protection, no
 * session and no saved request; and every other request, a neighbouring path or another method on the
 * same path included, goes on to the application's chains as before. It comes first
 * ({@link #ORDER}, near {@link Ordered#HIGHEST_PRECEDENCE}) so that an application chain matching any
 * request, whatever its {@code @Order}, cannot hide it; matching nothing else, it cannot hide theirs.
 * {@code WebSecurity.ignoring()} would do less well: it skips the security headers and the firewall too.
 *
 * <p>It is ordered after Spring Boot's security auto-configuration, so that Boot's default chain (when the
 * application has none of its own) is still made and protects everything else. An application that
 * guards these paths itself (a network rule, mutual TLS) declares its own bean named
 * {@value #CHAIN_BEAN_NAME}, which replaces this one. The JSON endpoints are the application's own to
 * open: see {@link WaotpRequest#toVerifyEndpoints()}.
 */
@AutoConfiguration(after = {CallbackAutoConfiguration.class, DevModeAutoConfiguration.class}, afterName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnBean(HttpSecurity.class)
@Conditional(WaotpEndpointsSecurityAutoConfiguration.AnyEndpoint.class)
public final class WaotpEndpointsSecurityAutoConfiguration {
    /** The name of the chain; an application bean of that name replaces it. */
    public static final String CHAIN_BEAN_NAME = "waotpSecurityFilterChain";
    /** Where the chain stands among the application's: before any of them. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Creates the auto-configuration; Spring Boot does. */
    public WaotpEndpointsSecurityAutoConfiguration() {}

    /** Permits exactly waotp's self-authenticating endpoints, with no CSRF token and no session. */
    @Bean(name = CHAIN_BEAN_NAME)
    @Order(ORDER)
    @ConditionalOnMissingBean(name = CHAIN_BEAN_NAME)
    SecurityFilterChain waotpSecurityFilterChain(HttpSecurity http, Environment environment,
            ObjectProvider<PathPatternRequestMatcher.Builder> paths) throws Exception {
        http.securityMatcher(endpoints(environment,
                        paths.getIfUnique(PathPatternRequestMatcher::withDefaults)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    static RequestMatcher endpoints(Environment environment, PathPatternRequestMatcher.Builder paths) {
        List<RequestMatcher> endpoints = new ArrayList<>();
        String callbacks = environment.getProperty("waotp.callbacks.path");
        if (callbacks != null && !callbacks.isBlank()) {
            endpoints.add(paths.matcher(HttpMethod.POST, callbacks));
        }
        if (environment.getProperty("waotp.dev.enabled", Boolean.class, false)) {
            endpoints.add(paths.matcher(HttpMethod.GET,
                    environment.getProperty("waotp.dev.messages-path", "/waotp/dev/messages")));
        }
        return new OrRequestMatcher(endpoints);
    }

    /** The callback endpoint is configured, or dev mode is on. */
    static final class AnyEndpoint extends AnyNestedCondition {
        AnyEndpoint() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(prefix = "waotp.callbacks", name = "path")
        static final class Callbacks {}

        @ConditionalOnProperty(prefix = "waotp.dev", name = "enabled", havingValue = "true")
        static final class DevMode {}
    }
}
