package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import dev.waotp.spring.other.OwnPackage;
import dev.waotp.testing.Fault;
import dev.waotp.testing.KaleyraStub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code waotp} health indicator: each template in use with its status from Kaleyra's list (the
 * stub's), read off the request path, updated at once by callbacks, DOWN when one cannot be sent.
 */
class TemplateHealthTest {
    /** auth1/en_US is in use (app.LoginCode), signup_code/en too (other.SignupCode); promo/en is not. */
    private final KaleyraStub stub = KaleyraStub.builder()
            .template("{\"name\":\"auth1\",\"language\":\"en_US\",\"status\":\"APPROVED\"}")
            .template("{\"name\":\"signup_code\",\"language\":\"en\",\"status\":\"APPROVED\"}")
            .template("{\"name\":\"promo\",\"language\":\"en\",\"status\":\"APPROVED\"}")
            .templatePageSize(2)
            .start();

    /** The application without a WABA id: its client can send, but not read the template list. */
    private final ApplicationContextRunner sendOnly = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, WaotpHealthAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class, OwnPackage.class)
            .withPropertyValues("waotp.kaleyra.sid=" + stub.sid(), "waotp.kaleyra.api-key=" + stub.apiKey(),
                    "waotp.kaleyra.business-number=" + stub.businessNumber(), "waotp.kaleyra.base-url=" + stub.baseUrl(),
                    "waotp.kaleyra.retry.max-attempts=1", "waotp.health.refresh=1h");
    private final ApplicationContextRunner runner = sendOnly.withPropertyValues("waotp.kaleyra.waba-id=" + stub.wabaId());

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static Health refreshedHealth(AssertableApplicationContext context) {
        context.getBean(TemplateStatusRefresher.class).refresh();
        return health(context);
    }

    private static Health health(AssertableApplicationContext context) {
        return context.getBean("waotpHealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void upWhenEveryTemplateInUseIsApproved_listingOnlyThose() {
        runner.run(context -> {
            Health health = refreshedHealth(context);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("templates"))
                    .isEqualTo(Map.of("auth1/en_US", "APPROVED", "signup_code/en", "APPROVED"));
            assertThat(health.getDetails()).containsKey("refreshed").doesNotContainKey("error");
        });
    }

    @Test
    void downWhenMetaPausesATemplateInUse_butNotForOneOutOfUse() {
        runner.run(context -> {
            stub.setTemplateStatus("promo", "en", "DISABLED");
            assertThat(refreshedHealth(context).getStatus()).isEqualTo(Status.UP);

            stub.setTemplateStatus("auth1", "en_US", "PAUSED");
            Health health = refreshedHealth(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "PAUSED",
                    "signup_code/en", "APPROVED"));
        });
    }

    @Test
    void aTemplateInUseThatTheAccountNoLongerHasIsDown() {
        try (KaleyraStub onlyAuth1 = KaleyraStub.builder()
                .template("{\"name\":\"auth1\",\"language\":\"en_US\",\"status\":\"APPROVED\"}").start()) {
            runner.withPropertyValues("waotp.kaleyra.base-url=" + onlyAuth1.baseUrl()).run(context -> {
                Health health = refreshedHealth(context);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "APPROVED",
                        "signup_code/en", TemplateHealthIndicator.NOT_FOUND));
            });
        }
    }

    @Test
    void aCallbackChangesTheHealthAtOnce() {
        runner.run(context -> {
            assertThat(refreshedHealth(context).getStatus()).isEqualTo(Status.UP);
            TemplateStatuses statuses = context.getBean(TemplateStatuses.class);

            statuses.update("signup_code", "en", "Rejected");
            assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
            assertThat(statuses.status("signup_code", "en")).isEqualTo("REJECTED");

            statuses.update("signup_code", "en", "Approved");
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aKaleyraFailureKeepsTheLastKnownStatusesWithTheError_andThrowsNothing() {
        // One attempt per read, so that the failure is not retried away, whichever read (this test's or the
        // refresher's own) meets it first.
        runner.withPropertyValues("waotp.kaleyra.retry.max-attempts=1").run(context -> {
            assertThat(refreshedHealth(context).getStatus()).isEqualTo(Status.UP);

            stub.failNext(5, Fault.serverError());
            Health health = refreshedHealth(context);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "APPROVED",
                    "signup_code/en", "APPROVED"));
            assertThat((String) health.getDetails().get("error")).contains("KaleyraServerException");
        });
    }

    @Test
    void unknownUntilAStatusIsKnown_whenKaleyraFailsFromTheStart() {
        runner.withPropertyValues("waotp.kaleyra.api-key=wrong-key").run(context -> {
            Health health = refreshedHealth(context);

            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat((String) health.getDetails().get("error")).contains("AuthenticationException")
                    .doesNotContain("wrong-key");
            assertThat(health.getDetails().get("templates")).isEqualTo(Map.of("auth1/en_US", "UNKNOWN",
                    "signup_code/en", "UNKNOWN"));
        });
    }

    @Test
    void withoutAWabaIdOnlyCallbacksInform() {
        sendOnly.run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat((String) health.getDetails().get("error")).contains("waotp.kaleyra.waba-id is not set");

            TemplateStatuses statuses = context.getBean(TemplateStatuses.class);
            statuses.update("auth1", "en_US", "APPROVED");
            statuses.update("signup_code", "en", "APPROVED");
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(stub.requestCount()).isZero();
        });
    }

    @Test
    void theListIsReadInTheBackgroundAtStart_andAHealthCheckNeverWaitsForKaleyra() {
        runner.run(context -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (health(context).getStatus() != Status.UP && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);

            stub.failNext(1, Fault.delay(Duration.ofSeconds(3)));
            Thread refresh = new Thread(context.getBean(TemplateStatusRefresher.class)::refresh);
            refresh.start();
            long start = System.nanoTime();
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            refresh.join();
        });
    }

    @Test
    void switchedOffWithBootsOwnPropertyOrWithoutBootsHealthSupport() {
        runner.withPropertyValues("management.health.waotp.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("waotpHealthIndicator")
                        .doesNotHaveBean(TemplateStatusRefresher.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TemplateStatuses.class));
    }

    @Test
    void aRefreshThatIsNotPositiveIsAStartupFailureNamingTheProperty() {
        runner.withPropertyValues("waotp.health.refresh=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("waotp.health.refresh"));
    }
}
