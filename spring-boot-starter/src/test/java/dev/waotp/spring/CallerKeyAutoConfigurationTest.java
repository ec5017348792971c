package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CallerKeyAutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CallerKeyAutoConfiguration.class));

    @Test
    void aServletApplicationHasTheResolver_whichTrustsNoProxyUnlessTold() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(CallerKeyResolver.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CallerKeyAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(CallerKeyResolver.class));
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressOrARangeStopsTheStartUpNamingTheEntry() {
        runner.withPropertyValues("waotp.web.trusted-proxies=10.0.0.0/8,proxy.internal").run(context -> assertAnalysis(
                context, "The property waotp.web.trusted-proxies[1] is not an IP address or a CIDR range such as"
                        + " 10.0.0.0/8.",
                "List the addresses or CIDR ranges of your reverse proxies, for example"
                        + " waotp.web.trusted-proxies=10.0.0.0/8,fd00::/8."));
    }

    @Test
    void theFrameworkStrategyIsWarnedOf_theClientWritesTheAddressItTakes(CapturedOutput output) {
        runner.withPropertyValues("server.forward-headers-strategy=framework")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getOut()).contains("server.forward-headers-strategy=framework: Spring's ForwardedHeaderFilter"
                + " takes the leftmost X-Forwarded-For value, which the client writes");
    }

    @Test
    void theFrameworkStrategyWithTrustedProxiesStopsTheStartUp_theFilterHidesTheHeader() {
        runner.withPropertyValues("server.forward-headers-strategy=framework", "waotp.web.trusted-proxies=10.0.0.0/8")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("The properties waotp.web.trusted-proxies and"
                                + " server.forward-headers-strategy=framework cannot go together"));
    }
}
