package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.CallbackHandler;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.testing.KaleyraStub;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Template-status callbacks reach {@link TemplateStatuses} through the callback endpoint's handler. Only
 * the templates the application sends with (here auth1/en_US, {@code app.LoginCode}) are kept: a status
 * for any other is ignored with one short log line, so accepted callbacks cannot grow memory, nor turn
 * the health for a template the application does not use.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateStatusFloodTest {
    private static final int CALLBACKS = 2_000;
    private static final int NAME_CHARS = 60 * 1024;
    private static final long MIB = 1024 * 1024;
    private static final Map<String, List<String>> CREDENTIALS = Map.of("Authorization", List.of("Basic "
            + Base64.getEncoder().encodeToString("kaleyra:cb-pass".getBytes(StandardCharsets.UTF_8))));

    private final KaleyraStub stub = KaleyraStub.builder().start();

    /** No WABA id: nothing but the callbacks informs the statuses. */
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, WaotpHealthAutoConfiguration.class,
                    CallbackAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues("waotp.kaleyra.sid=" + stub.sid(), "waotp.kaleyra.api-key=" + stub.apiKey(),
                    "waotp.kaleyra.business-number=" + stub.businessNumber(), "waotp.kaleyra.base-url=" + stub.baseUrl(),
                    "waotp.health.refresh=1h", "waotp.callbacks.path=/waotp/callbacks",
                    "waotp.callbacks.basic.username=kaleyra", "waotp.callbacks.basic.password=cb-pass");

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static int post(AssertableWebApplicationContext context, String name, String lang, String event) {
        byte[] body = ("{\"event\":\"" + event + "\",\"message_template_name\":\"" + name
                + "\",\"message_template_language\":\"" + lang + "\"}").getBytes(StandardCharsets.UTF_8);
        return context.getBean(CallbackHandler.class).handle(CREDENTIALS, body).httpStatus();
    }

    private static Health health(AssertableWebApplicationContext context) {
        return context.getBean("waotpHealthIndicator", HealthIndicator.class).health();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoThousandCallbacksWith60KbNamesOfUndeclaredTemplatesKeepNothing_andLeaveTheHealthAlone(
            CapturedOutput output) {
        runner.run(context -> {
            TemplateStatuses statuses = context.getBean(TemplateStatuses.class);
            long before = usedHeapAfterGc();

            for (int i = 0; i < CALLBACKS; i++) {
                String name = String.format("%06d", i) + "x".repeat(NAME_CHARS - 6);
                assertThat(post(context, name, "en_US", "PAUSED")).isEqualTo(200);
            }

            long retained = usedHeapAfterGc() - before;
            System.out.printf("TemplateStatusFloodTest: %d callbacks with %d-character names: %d entries kept,"
                    + " heap %+.1f MiB%n", CALLBACKS, NAME_CHARS, statuses.size(), retained / (double) MIB);
            assertThat(statuses.size()).isZero();
            assertThat(retained).as("heap kept after the callbacks").isLessThan(16 * MIB);
            assertThat(health(context).getStatus()).isNotEqualTo(Status.DOWN);
            assertThat(health(context).getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "UNKNOWN"));
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("000042xxx"))).singleElement()
                .satisfies(line -> assertThat(line).contains("not one this application sends with")
                        .hasSizeLessThan(400));
    }

    @Test
    void theDeclaredTemplateInAnotherLanguageIsNotTrackedEither() {
        runner.run(context -> {
            assertThat(post(context, "auth1", "hi", "PAUSED")).isEqualTo(200);

            assertThat(context.getBean(TemplateStatuses.class).size()).isZero();
            assertThat(health(context).getStatus()).isNotEqualTo(Status.DOWN);
        });
    }

    @Test
    void aCallbackForTheDeclaredTemplateStillTurnsTheHealth() {
        runner.run(context -> {
            assertThat(post(context, "auth1", "en_US", "PAUSED")).isEqualTo(200);
            assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);

            assertThat(post(context, "auth1", "en_US", "APPROVED")).isEqualTo(200);
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(TemplateStatuses.class).size()).isOne();
        });
    }
}
