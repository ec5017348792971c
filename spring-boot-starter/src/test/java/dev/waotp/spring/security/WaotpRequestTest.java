package dev.waotp.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/** The JSON endpoints' matcher follows waotp.web.path, and matches nothing beside the endpoints. */
class WaotpRequestTest {
    private static MockHttpServletRequest request(MockServletContext servlets, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(servlets, method, path);
        request.setServletPath(path);
        return request;
    }

    private static MockServletContext application(Map<String, Object> properties) {
        MockServletContext servlets = new MockServletContext();
        GenericWebApplicationContext context = new GenericWebApplicationContext(servlets);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.refresh();
        servlets.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        return servlets;
    }

    @Test
    void byDefaultTheVerifyEndpointsAndNothingBeside() {
        MockServletContext servlets = application(Map.of());
        RequestMatcher verify = WaotpRequest.toVerifyEndpoints();

        assertThat(verify.matches(request(servlets, "POST", "/waotp/verify/start"))).isTrue();
        assertThat(verify.matches(request(servlets, "POST", "/waotp/verify/check"))).isTrue();
        assertThat(verify.matches(request(servlets, "POST", "/waotp/verifyx/start"))).isFalse();
        assertThat(verify.matches(request(servlets, "POST", "/waotp/callbacks"))).isFalse();
        assertThat(verify.matches(request(servlets, "GET", "/admin"))).isFalse();
    }

    @Test
    void followsTheConfiguredPath() {
        MockServletContext servlets = application(Map.of("waotp.web.path", "/api/otp"));
        RequestMatcher verify = WaotpRequest.toVerifyEndpoints();

        assertThat(verify.matches(request(servlets, "POST", "/api/otp/start"))).isTrue();
        assertThat(verify.matches(request(servlets, "POST", "/waotp/verify/start"))).isFalse();
    }
}
