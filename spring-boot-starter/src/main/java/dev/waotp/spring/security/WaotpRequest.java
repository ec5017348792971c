package dev.waotp.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Request matchers for waotp's endpoints, for an application's own {@code SecurityFilterChain}, as Spring
 * Boot's {@code EndpointRequest} is for the actuator's:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(authorize -> authorize
 *                 .requestMatchers(WaotpRequest.toVerifyEndpoints()).permitAll()
 *                 .anyRequest().authenticated())
 *         .csrf(csrf -> csrf.ignoringRequestMatchers(WaotpRequest.toVerifyEndpoints()));
 * }</pre>
 *
 * <p>The callback endpoint and dev mode's page need nothing of the application: the starter's own chain
 * ({@link WaotpEndpointsSecurityAutoConfiguration}) takes them.
 */
public final class WaotpRequest {
    private WaotpRequest() {}

    /**
     * The ready JSON endpoints, {@code {waotp.web.path}/**} ({@code /waotp/verify/**} unless set). The path
     * is read from the application's environment at the first request, so the matcher can be made before
     * the properties are bound.
     *
     * @return a matcher of every request to the JSON endpoints, and of no other
     */
    public static RequestMatcher toVerifyEndpoints() {
        return new VerifyEndpoints();
    }

    /** Resolved once, from the application context the request belongs to. */
    private static final class VerifyEndpoints implements RequestMatcher {
        private volatile @Nullable RequestMatcher resolved;

        @Override
        public boolean matches(HttpServletRequest request) {
            RequestMatcher matcher = resolved;
            if (matcher == null) {
                matcher = resolve(request);
                resolved = matcher;
            }
            return matcher.matches(request);
        }

        private static RequestMatcher resolve(HttpServletRequest request) {
            WebApplicationContext context = WebApplicationContextUtils.findWebApplicationContext(
                    request.getServletContext());
            String path = "/waotp/verify";
            PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
            if (context != null) {
                path = context.getBean(Environment.class).getProperty("waotp.web.path", path);
                paths = context.getBeanProvider(PathPatternRequestMatcher.Builder.class)
                        .getIfUnique(PathPatternRequestMatcher::withDefaults);
            }
            return paths.matcher(path.endsWith("/") ? path + "**" : path + "/**");
        }

        @Override
        public String toString() {
            RequestMatcher matcher = resolved;
            return "WaotpRequest.toVerifyEndpoints(" + (matcher == null ? "{waotp.web.path}/**" : matcher) + ")";
        }
    }
}
