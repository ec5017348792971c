package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.KaleyraClient;
import dev.waotp.LowBalanceException;
import dev.waotp.SendListener;
import dev.waotp.SendResult;
import dev.waotp.SmsMessage;
import dev.waotp.TemplateSpec;
import dev.waotp.spring.app.LoginCode;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.testing.Fault;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationListener;
import dev.waotp.verify.Verifier;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsAutoConfigurationTest extends StubbedKaleyra {
    private static final String PHONE = "+447700900123";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class,
                    WaotpMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET);

    @Test
    void smsSendsAreCountedAndTimedUnderTheSmsChannel() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            KaleyraClient client = context.getBean(KaleyraClient.class);
            SmsMessage.Builder sms = SmsMessage.builder().to(PHONE).sender("KLRHXA").body("{otp} is your code");

            client.sendSms(sms.otp("482915").build());
            stub.failNextSms(1, Fault.lowBalance());
            assertThatThrownBy(() -> client.sendSms(sms.otp("482916").build())).isInstanceOf(LowBalanceException.class);
            context.getBean(LoginCode.class).send(PHONE, "482917");

            assertThat(registry.get(SendMetrics.SENDS).tags("channel", "sms", "template", "none", "outcome", "sent")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get(SendMetrics.SENDS).tags("channel", "sms", "outcome", "failed", "code", "E110",
                    "exception", "LowBalanceException").counter().count()).isEqualTo(1);
            assertThat(registry.get(SendMetrics.SEND_TIMER).tags("channel", "sms").timers()).hasSize(2);
            assertThat(registry.get(SendMetrics.SENDS).tags("channel", "whatsapp", "template", "auth1", "outcome", "sent")
                    .counter().count()).isEqualTo(1);
            assertNoSecretInTags(registry, "482915", "482916", "482917");
        });
    }

    @Test
    void sendsAreCountedAndTimedByTemplateOutcomeAndCode() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            LoginCode login = context.getBean(LoginCode.class);

            login.send(PHONE, "482913");
            stub.failNext(1, Fault.lowBalance());
            assertThatThrownBy(() -> login.send(PHONE, "482914")).isInstanceOf(LowBalanceException.class);

            assertThat(registry.get(SendMetrics.SENDS).tags("template", "auth1", "lang", "en_US", "outcome", "sent",
                    "code", "WA202", "exception", "none").counter().count()).isEqualTo(1);
            assertThat(registry.get(SendMetrics.SENDS).tags("template", "auth1", "outcome", "failed", "code", "E110",
                    "exception", "LowBalanceException").counter().count()).isEqualTo(1);
            assertThat(registry.get(SendMetrics.SEND_TIMER).tags("template", "auth1", "outcome", "sent").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(SendMetrics.SEND_TIMER).tags("outcome", "failed").timer().count()).isEqualTo(1);
            assertNoSecretInTags(registry, "482913", "482914");
        });
    }

    @Test
    void verificationsAreCountedByOutcomeAndRefusingLimit() {
        runner.withPropertyValues("waotp.verify.limits.per-phone.count=1").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Verifier verifier = context.getBean(Verifier.class);

            assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
            String code = lastCodeSentTo(PHONE);
            assertThat(verifier.check(PHONE, wrong(code))).isInstanceOf(CheckResult.WrongCode.class);
            assertThat(verifier.check(PHONE, code)).isInstanceOf(CheckResult.Approved.class);
            assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.RateLimited.class);

            assertThat(registry.get(VerificationMetrics.STARTS).tag("outcome", "sent").counter().count()).isEqualTo(1);
            assertThat(registry.get(VerificationMetrics.STARTS).tag("outcome", "rate_limited").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(VerificationMetrics.CHECKS).tag("outcome", "wrong_code").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(VerificationMetrics.CHECKS).tag("outcome", "approved").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(VerificationMetrics.RATE_LIMITED).tag("limit", "phone").counter().count())
                    .isEqualTo(1);
            assertNoSecretInTags(registry, code, "203.0.113.7", SECRET);
        });
    }

    @Test
    void checksPastTheCallersCheckLimitAreCountedByThatLimit() {
        runner.withPropertyValues("waotp.verify.limits.per-caller-checks.count=1").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Verifier verifier = context.getBean(Verifier.class);
            verifier.check(PHONE, "123456", "203.0.113.7");

            assertThat(verifier.check(PHONE, "123456", "203.0.113.7")).isInstanceOf(CheckResult.RateLimited.class);

            assertThat(registry.get(VerificationMetrics.CHECKS).tag("outcome", "rate_limited").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(VerificationMetrics.RATE_LIMITED).tag("limit", "caller_checks").counter().count())
                    .isEqualTo(1);
            assertNoSecretInTags(registry, "123456", "203.0.113.7", SECRET);
        });
    }

    @Test
    void lockedStartsAndChecksAreCountedAsLocked() {
        runner.withPropertyValues("waotp.verify.max-failures=1", "waotp.verify.lockout=5m").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Verifier verifier = context.getBean(Verifier.class);

            assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
            assertThat(verifier.check(PHONE, wrong(lastCodeSentTo(PHONE)))).isInstanceOf(CheckResult.Locked.class);
            assertThat(verifier.check(PHONE, lastCodeSentTo(PHONE))).isInstanceOf(CheckResult.Locked.class);
            assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Locked.class);

            assertThat(registry.get(VerificationMetrics.CHECKS).tag("outcome", "locked").counter().count())
                    .isEqualTo(2);
            assertThat(registry.get(VerificationMetrics.STARTS).tag("outcome", "locked").counter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void withoutMicrometerThereAreNoListeners() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class,
                        VerifierAutoConfiguration.class, WaotpMetricsAutoConfiguration.class))
                .withUserConfiguration(TestApplication.class)
                .withPropertyValues(kaleyraProperties())
                .withPropertyValues("waotp.verify.secret=" + SECRET)
                .withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SendListener.class)
                    .doesNotHaveBean(VerificationListener.class);
            context.getBean(LoginCode.class).send(PHONE, "482913");
            assertThat(stub.received()).hasSize(1);
        });
    }

    @Test
    void withMicrometerButNoRegistryThereAreNoListeners() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class,
                        WaotpMetricsAutoConfiguration.class))
                .withPropertyValues(kaleyraProperties())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SendListener.class));
    }

    @Test
    void withoutWaotpVerifyOnlySendsAreCounted() {
        runner.withClassLoader(new FilteredClassLoader(Verifier.class, VerificationListener.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SendListener.class)
                        .doesNotHaveBean(VerificationListener.class));
    }

    @Test
    void theApplicationsOwnListenersAreToldToo() {
        runner.withBean("auditListener", SendListener.class, CountingSendListener::new).run(context -> {
            context.getBean(LoginCode.class).send(PHONE, "482913");

            assertThat(((CountingSendListener) context.getBean("auditListener")).sent).isEqualTo(1);
            assertThat(context.getBean(MeterRegistry.class).get(SendMetrics.SENDS).counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aRegistryOfTheApplicationsOwnIsUsed() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class,
                        WaotpMetricsAutoConfiguration.class))
                .withUserConfiguration(TestApplication.class)
                .withBean(MeterRegistry.class, () -> own)
                .withPropertyValues(kaleyraProperties())
                .run(context -> {
                    context.getBean(LoginCode.class).send(PHONE, "482913");
                    assertThat(own.get(SendMetrics.SENDS).counter().count()).isEqualTo(1);
                });
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** Phone numbers, codes, caller keys and secrets must never become tags. */
    private static void assertNoSecretInTags(MeterRegistry registry, String... secrets) {
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(PHONE.substring(1));
                for (String secret : secrets) {
                    assertThat(tag.getValue()).doesNotContain(secret);
                }
            }
        }
    }

    static final class CountingSendListener implements SendListener {
        int sent;

        @Override
        public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
            sent++;
        }
    }
}
