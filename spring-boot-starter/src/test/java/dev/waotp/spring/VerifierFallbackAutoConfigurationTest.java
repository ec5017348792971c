package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.spring.tracked.TrackedCode;
import dev.waotp.verify.Channel;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.Verifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifier tracks delivery through a sender's {@code @Ref2}, and falls back to SMS as {@code waotp.sms.*} says. */
class VerifierFallbackAutoConfigurationTest extends StubbedKaleyra {
    private static final String PHONE = "+919876543210";
    private static final String[] SMS = {"waotp.sms.sender=WAOTPS", "waotp.sms.template-id=1207161234567890123",
        "waotp.sms.allowed-regions=IN,SG", "waotp.sms.body=Your code: {otp}"};

    private static final String NO_DELIVERY_AFTER = "waotp.verify.fallback.no-delivery-after=60s";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class,
                    WaotpMetricsAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class, Tracked.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.sender=trackedCode");

    /** The same application as a web application with the callback endpoint, so delivery callbacks reach it. */
    private final WebApplicationContextRunner withCallbackEndpoint = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class,
                    WaotpMetricsAutoConfiguration.class, CallbackAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class, Tracked.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.sender=trackedCode",
                    "waotp.callbacks.path=/waotp/callbacks", "waotp.callbacks.bearer-token=cb-token");

    @Test
    void aSenderWithARef2TagIsTrackedAndItsCallbacksReachThePendingCode() {
        runner.run(context -> {
            Verifier verifier = context.getBean(Verifier.class);
            verifier.start(PHONE, "203.0.113.7");
            String tag = stub.received().get(0).ref2();

            verifier.onStatus(new DeliveryStatus(DeliveryState.DELIVERED, "wamid.1", "1", PHONE.substring(1), null,
                    null, null, null, null, tag));

            assertThat(tag).startsWith("waotp.default.");
            assertThat(verifier.delivery(PHONE)).hasValue(new Delivery(Channel.WHATSAPP, DeliveryState.DELIVERED));
            assertThat(context).doesNotHaveBean(SmsFallback.class);
        });
    }

    @Test
    void smsPropertiesTurnTheFallbackOnAndAFailedCallbackSendsTheCodeBySms() {
        runner.withPropertyValues(SMS).run(context -> {
            Verifier verifier = context.getBean(Verifier.class);
            verifier.start(PHONE, "203.0.113.7");
            String tag = stub.received().get(0).ref2();

            verifier.onStatus(new DeliveryStatus(DeliveryState.FAILED, "wamid.1", "1", PHONE.substring(1), null,
                    "131026", "Message undeliverable", null, null, tag));

            assertThat(stub.receivedSms()).singleElement().satisfies(sms -> {
                assertThat(sms.sender()).isEqualTo("WAOTPS");
                assertThat(sms.templateId()).isEqualTo("1207161234567890123");
            });
            String code = stub.receivedSms().get(0).body().substring("Your code: ".length());
            assertThat(verifier.check(PHONE, code)).isEqualTo(new CheckResult.Approved());
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(VerificationMetrics.FALLBACKS).tag("reason", "delivery_failed")
                    .tag("outcome", "sent").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aRefusedFallbackIsCountedByItsRefusal() {
        runner.withPropertyValues(SMS).run(context -> {
            Verifier verifier = context.getBean(Verifier.class);

            FallbackResult result = verifier.resendBySms("+449876543210", "203.0.113.7");

            assertThat(result).isInstanceOfSatisfying(FallbackResult.Refused.class, refused ->
                    assertThat(refused.refusal()).isEqualTo(FallbackResult.Refusal.COUNTRY_NOT_ALLOWED));
            assertThat(context.getBean(MeterRegistry.class).get(VerificationMetrics.FALLBACKS)
                    .tag("reason", "asked").tag("outcome", "country_not_allowed").counter().count()).isEqualTo(1);
            assertThat(stub.receivedSms()).isEmpty();
        });
    }

    @Test
    void theAllowedRegionsBindAndOnlyTheirMobilesGetAnSms() {
        runner.withPropertyValues(SMS).withPropertyValues("waotp.sms.allowed-regions=in,US").run(context -> {
            Verifier verifier = context.getBean(Verifier.class);

            assertThat(context.getBean(SmsFallback.class).toString()).startsWith("SmsFallback{regions=[IN, US],");
            assertThat(verifier.resendBySms("+18762101234", "203.0.113.7")).as("Jamaica, +1 876")
                    .isInstanceOfSatisfying(FallbackResult.Refused.class, refused ->
                            assertThat(refused.refusal()).isEqualTo(FallbackResult.Refusal.COUNTRY_NOT_ALLOWED));
            assertThat(verifier.resendBySms("+19002345678", "203.0.113.8")).as("a US premium-rate number")
                    .isInstanceOfSatisfying(FallbackResult.Refused.class, refused ->
                            assertThat(refused.refusal()).isEqualTo(FallbackResult.Refusal.COUNTRY_NOT_ALLOWED));
            assertThat(stub.receivedSms()).isEmpty();
            assertThat(verifier.resendBySms("+14155550123", "203.0.113.9")).isInstanceOf(FallbackResult.Sent.class);
            assertThat(stub.receivedSms()).singleElement().satisfies(sms -> assertThat(sms.to()).isEqualTo("+14155550123"));
        });
    }

    @Test
    void anSmsSenderWithNoAllowedRegionStopsTheStartUp() {
        runner.withPropertyValues("waotp.sms.sender=WAOTPS").run(context -> assertAnalysis(context,
                "The property waotp.sms.allowed-regions is empty, so no SMS could go anywhere.",
                "List the regions you serve as ISO 3166 codes, for example waotp.sms.allowed-regions=IN,SG,"
                        + " or remove waotp.sms.sender to turn the SMS fallback off."));
    }

    @Test
    void anUnknownRegionStopsTheStartUpNamingTheProperty() {
        runner.withPropertyValues(SMS).withPropertyValues("waotp.sms.allowed-regions=IN,UK").run(context -> assertAnalysis(
                context, "The property waotp.sms.allowed-regions must be ISO 3166-1 alpha-2 region codes that have phone"
                        + " numbers, such as IN or GB, was UK.",
                "Correct waotp.sms.allowed-regions in the application's configuration."));
    }

    @Test
    void theNonGeographicRegionStopsTheStartUpSayingWhy() {
        runner.withPropertyValues(SMS).withPropertyValues("waotp.sms.allowed-regions=001").run(context -> assertAnalysis(
                context, "The property waotp.sms.allowed-regions must be regions of countries: 001, numbers of no country"
                        + " (satellite and international networks), never gets an SMS.",
                "Correct waotp.sms.allowed-regions in the application's configuration."));
    }

    @Test
    void anIndianOtpRouteWithoutADltTemplateIdStopsTheStartUpNamingTheProperty() {
        runner.withPropertyValues("waotp.sms.sender=WAOTPS", "waotp.sms.allowed-regions=IN")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "waotp.sms.template-id is required for type OTP to an Indian number (+91)"));
    }

    /** The check used to take the first region only, so India second in the list started without a template id. */
    @Test
    void indiaAnywhereInTheListNeedsTheDltTemplateId() {
        runner.withPropertyValues("waotp.sms.sender=WAOTPS", "waotp.sms.allowed-regions=SG,IN")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "waotp.sms.template-id is required for type OTP to an Indian number (+91)"));
    }

    @Test
    void noDeliveryAfterWithoutTheCallbackEndpointStopsTheStartUp_elseEveryCodeWouldAlsoGoBySms() {
        runner.withPropertyValues(SMS).withPropertyValues(NO_DELIVERY_AFTER).run(context -> assertAnalysis(context,
                "The property waotp.verify.fallback.no-delivery-after needs Kaleyra's delivery callbacks, and this"
                        + " application has no callback endpoint (waotp.callbacks.path is not set): no \"delivered\""
                        + " could arrive, so every WhatsApp code would also be sent by SMS.",
                "Set waotp.callbacks.path and its credentials to what your Kaleyra callback profile posts to, or"
                        + " remove waotp.verify.fallback.no-delivery-after."));
    }

    @Test
    void noDeliveryAfterWithASenderWithoutRef2StopsTheStartUp_noDeliveredCouldBeMatchedToItsCode() {
        withCallbackEndpoint.withPropertyValues(SMS).withPropertyValues(NO_DELIVERY_AFTER, "waotp.verify.sender=loginCode")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.fallback.no-delivery-after needs delivery tracking, and the"
                                + " Verifier's sender loginCode (LoginCode.send) has no @Ref2"
                                + " parameter for its tag: no \"delivered\" could be matched to a code, so every"
                                + " WhatsApp code would also be sent by SMS.",
                        "Give the sender a method such as SendResult send(@To String phone, @Otp String code,"
                                + " @Ref2 String tag), or remove waotp.verify.fallback.no-delivery-after."));
    }

    /** The builder's field used to be named waotp.verify.no-delivery-after, a property that does not exist. */
    @Test
    void aNoDeliveryAfterTheBuilderRefusesNamesItsRealProperty() {
        withCallbackEndpoint.withPropertyValues(SMS)
                .withPropertyValues("waotp.verify.fallback.no-delivery-after=6m", "waotp.verify.lifetime=5m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("The property waotp.verify.fallback.no-delivery-after must be"
                                + " shorter than the lifetime"));
    }

    @Test
    void noDeliveryAfterWithTheCallbackEndpointAndATrackedSenderStarts() {
        withCallbackEndpoint.withPropertyValues(SMS).withPropertyValues(NO_DELIVERY_AFTER)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Verifier.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAuthTemplates(basePackageClasses = TrackedCode.class)
    static class Tracked {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
