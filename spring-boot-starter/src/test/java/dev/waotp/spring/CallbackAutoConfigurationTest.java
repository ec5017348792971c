package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import dev.waotp.DeliveryListener;
import dev.waotp.TemplateStatusListener;
import dev.waotp.TemplateStatusUpdate;
import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

class CallbackAutoConfigurationTest {
    /** Kaleyra's "not sent" sample, https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-daily-limit-reached (refs trimmed). */
    private static final String NOT_SENT = """
            {"code": "WAV2101", "status": "not sent", "reason": "Account daily limit reached",
             "message_id": "wamid.XXXXXHE5NXXXXXXXXXXDAQ==", "extra_info": {"ref2": "payment_pending"}}""";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CallbackAutoConfiguration.class, WaotpMetricsAutoConfiguration.class))
            .withUserConfiguration(Listening.class);

    @Configuration(proxyBeanMethods = false)
    static class Listening {
        final List<DeliveryStatus> heard = new ArrayList<>();
        final List<TemplateStatusUpdate> templates = new ArrayList<>();

        @Bean
        DeliveryListener recordingListener() {
            return heard::add;
        }

        @Bean
        TemplateStatusListener recordingTemplateStatusListener() {
            return templates::add;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static Map<String, List<String>> basic(String user, String password) {
        return Map.of("Authorization", List.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void offUntilAPathIsSet() {
        runner.withPropertyValues("waotp.callbacks.basic.username=kaleyra", "waotp.callbacks.basic.password=pw")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackHandler.class)
                        .doesNotHaveBean("waotpCallbackEndpoint"));
    }

    @Test
    void aTemplateStatusCallbackReachesTheTemplateStatusListenerBeans_notTheDeliveryListeners() {
        runner.withPropertyValues("waotp.callbacks.path=/waotp/callbacks", "waotp.callbacks.basic.username=kaleyra",
                "waotp.callbacks.basic.password=pw").run(context -> {
                    byte[] paused = ("{\"event\":\"PAUSED\",\"message_template_name\":\"auth1\","
                            + "\"message_template_language\":\"en_US\"}").getBytes(StandardCharsets.UTF_8);
                    assertThat(context.getBean(CallbackHandler.class).handle(basic("kaleyra", "pw"), paused)
                            .httpStatus()).isEqualTo(200);
                    Listening listening = context.getBean(Listening.class);
                    assertThat(listening.templates).extracting(TemplateStatusUpdate::status).containsExactly("PAUSED");
                    assertThat(listening.heard).isEmpty();
                });
    }

    @Test
    void withAPathAndCredentialsTheEndpointHandsStatusesToListenersAndMetrics() {
        runner.withPropertyValues("waotp.callbacks.path=/waotp/callbacks", "waotp.callbacks.basic.username=kaleyra",
                "waotp.callbacks.basic.password=pw").run(context -> {
                    assertThat(context).hasBean("waotpCallbackEndpoint").getBean("waotpCallbackEndpoint")
                            .isInstanceOf(RouterFunction.class);
                    CallbackHandler handler = context.getBean(CallbackHandler.class);
                    CallbackResult result = handler.handle(basic("kaleyra", "pw"), NOT_SENT.getBytes(StandardCharsets.UTF_8));
                    assertThat(result.httpStatus()).isEqualTo(200);
                    assertThat(context.getBean(Listening.class).heard).singleElement()
                            .extracting(DeliveryStatus::state).isEqualTo(DeliveryState.NOT_SENT);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(DeliveryMetrics.DELIVERIES).tags("status", "not-sent", "error", "WAV2101")
                            .counter().count()).isEqualTo(1);
                    assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                            .doesNotContain("wamid", "payment_pending"));
                    assertThat(handler.handle(basic("kaleyra", "nope"), NOT_SENT.getBytes(StandardCharsets.UTF_8))
                            .httpStatus()).isEqualTo(401);
                    assertThat(context.getBean(Listening.class).heard).hasSize(1);
                });
    }

    @Test
    void bearerTokenAndHeaderAreCredentialsToo() {
        runner.withPropertyValues("waotp.callbacks.path=/cb", "waotp.callbacks.bearer-token=tok",
                "waotp.callbacks.header.name=X-Callback-Secret", "waotp.callbacks.header.value=hv").run(context -> {
                    CallbackHandler handler = context.getBean(CallbackHandler.class);
                    byte[] body = NOT_SENT.getBytes(StandardCharsets.UTF_8);
                    assertThat(handler.handle(Map.of("Authorization", List.of("Bearer tok"),
                            "X-Callback-Secret", List.of("hv")), body).httpStatus()).isEqualTo(200);
                    assertThat(handler.handle(Map.of("Authorization", List.of("Bearer tok")), body).httpStatus())
                            .isEqualTo(401);
                });
    }

    @Test
    void anEndpointWithoutCredentialsRefusesToStart() {
        runner.withPropertyValues("waotp.callbacks.path=/waotp/callbacks").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(WaotpStartupException.class)
                .hasMessageContaining("/waotp/callbacks has no credentials")
                .satisfies(e -> assertThat(((WaotpStartupException) e).action()).contains("waotp.callbacks.open=true")));
    }

    @Test
    void unlessTheUserSaysItIsOpen() {
        runner.withPropertyValues("waotp.callbacks.path=/waotp/callbacks", "waotp.callbacks.open=true")
                .run(context -> assertThat(context.getBean(CallbackHandler.class)
                        .handle(Map.of(), NOT_SENT.getBytes(StandardCharsets.UTF_8)).httpStatus()).isEqualTo(200));
    }

    @Test
    void halfAPairOfCredentialsNamesTheMissingProperty() {
        runner.withPropertyValues("waotp.callbacks.path=/cb", "waotp.callbacks.basic.username=kaleyra")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessage("The property waotp.callbacks.basic.password is required when "
                                + "waotp.callbacks.basic.username is set."));
        runner.withPropertyValues("waotp.callbacks.path=cb", "waotp.callbacks.open=true")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("waotp.callbacks.path must be a path starting with /"));
    }

    @Test
    void basicAndBearerCredentialsTogetherRefuseToStart_bothWouldRideInTheOneAuthorizationHeader() {
        runner.withPropertyValues("waotp.callbacks.path=/cb", "waotp.callbacks.basic.username=kaleyra",
                "waotp.callbacks.basic.password=pw", "waotp.callbacks.bearer-token=tok").run(context ->
                        assertAnalysis(context, "The properties waotp.callbacks.basic.* and"
                                + " waotp.callbacks.bearer-token are both set, and both ride in the one Authorization"
                                + " header: no callback could carry both, so every callback would be refused.",
                                "Keep the one your Kaleyra callback profile sends: waotp.callbacks.basic.username and"
                                        + " .password, or waotp.callbacks.bearer-token. A fixed extra header"
                                        + " (waotp.callbacks.header.*) can go with either."));
    }

    @Test
    void notInANonWebApplicationNorWithoutSpringMvc() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CallbackAutoConfiguration.class))
                .withPropertyValues("waotp.callbacks.path=/cb")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackHandler.class));
        runner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .withPropertyValues("waotp.callbacks.path=/cb")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackHandler.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"waotp.callbacks.basic.username=kaleyra,waotp.callbacks.basic.password=pw-SECRET-1",
        "waotp.callbacks.bearer-token=tok-SECRET-2"})
    void credentialsNeverShowInThePropertiesOrTheHandler(String authorization) {
        runner.withPropertyValues(authorization.split(",")).withPropertyValues("waotp.callbacks.path=/cb",
                "waotp.callbacks.header.name=X-S", "waotp.callbacks.header.value=hv-SECRET-3").run(context -> {
                    String shown = context.getBean(CallbackProperties.class) + " " + context.getBean(CallbackHandler.class)
                            + " " + context.getBean(CallbackProperties.class).basic()
                            + " " + context.getBean(CallbackProperties.class).header();
                    assertThat(shown).contains("/cb", "X-S", "****").doesNotContain("SECRET");
                });
    }
}
