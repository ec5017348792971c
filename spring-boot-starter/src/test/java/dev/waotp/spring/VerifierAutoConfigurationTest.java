package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.spring.async.AsyncOnlyCode;
import dev.waotp.spring.other.SignupCode;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.InMemoryRateLimitStorage;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationListener;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@ExtendWith(OutputCaptureExtension.class)
class VerifierAutoConfigurationTest extends StubbedKaleyra {
    private static final String PHONE = "+447700900123";
    private static final String SECRET_FIX = "Set waotp.verify.secret to at least 32 bytes of random text, the same on"
            + " every instance, for example the output of \"openssl rand -base64 48\" in the environment variable"
            + " WAOTP_VERIFY_SECRET.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties());

    @Test
    void sendsThroughTheOnlySenderAndApprovesTheCodeThePhoneGot(CapturedOutput output) {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.code-length=8").run(context -> {
            Verifier verifier = context.getBean(Verifier.class);

            assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
            String code = lastCodeSentTo(PHONE);

            assertThat(code).hasSize(8);
            assertThat(stub.received()).singleElement().satisfies(message ->
                    assertThat(message.templateName()).isEqualTo("auth1"));
            assertThat(verifier.check(PHONE, code)).isInstanceOf(CheckResult.Approved.class);
            assertThat(output).contains("waotp Verifier: codes sent through loginCode (LoginCode.send);"
                    + " pending codes kept in memory, for this instance only; rate limits kept in memory,"
                    + " for this instance only");
        });
    }

    @Test
    void theSenderPropertyPicksOneOfSeveralByBeanOrInterfaceName() {
        for (String name : List.of("signupCode", SignupCode.class.getName())) {
            runner.withUserConfiguration(OtherPackage.class)
                    .withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.sender=" + name)
                    .run(context -> {
                        stub.reset();
                        context.getBean(Verifier.class).start(PHONE, "203.0.113.7");
                        assertThat(stub.received()).singleElement().satisfies(message ->
                                assertThat(message.templateName()).isEqualTo("signup_code"));
                    });
        }
    }

    @Test
    void severalSendersAndNoPropertyStopTheStartUp() {
        runner.withUserConfiguration(OtherPackage.class).withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> assertAnalysis(context,
                        "The Verifier needs one sender for its codes, and the application has 2 @AuthTemplate"
                                + " senders: loginCode, signupCode.",
                        "Set waotp.verify.sender to the bean name or interface name of the one to use, or define"
                                + " a CodeSender bean."));
    }

    @Test
    void aSenderPropertyThatNamesNoSenderStopsTheStartUp() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.sender=logInCode")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.sender names no @AuthTemplate sender bean.",
                        "Set it to one of loginCode, or define a CodeSender bean."));
    }

    @Test
    void noSenderAtAllStopsTheStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
                .withPropertyValues(kaleyraProperties())
                .withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> assertAnalysis(context,
                        "The Verifier needs a sender for its codes, and the application has no @AuthTemplate"
                                + " sender bean.",
                        "Declare an @AuthTemplate interface with a method such as SendResult send(@To String phone,"
                                + " @Otp String code) in the application's packages, or define a CodeSender bean."));
    }

    @Test
    void aSenderWithoutABlockingPhoneAndCodeMethodStopsTheStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
                .withUserConfiguration(AsyncOnly.class)
                .withPropertyValues(kaleyraProperties())
                .withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> assertAnalysis(context,
                        "The Verifier sends its codes through asyncOnlyCode, and its @AuthTemplate interface"
                                + " dev.waotp.spring.async.AsyncOnlyCode has no method that takes just a @To phone"
                                + " and an @Otp code and returns SendResult.",
                        "Add such a method to dev.waotp.spring.async.AsyncOnlyCode, for example SendResult"
                                + " send(@To String phone, @Otp String code), or define a CodeSender bean."));
    }

    @Test
    void aCodeSenderBeanOfTheApplicationsOwnIsUsed() {
        runner.withUserConfiguration(OwnCodeSender.class).withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> {
                    context.getBean(Verifier.class).start(PHONE, "203.0.113.7");
                    assertThat(context.getBean(OwnCodeSender.class).phones).containsExactly(PHONE);
                    assertThat(stub.received()).isEmpty();
                });
    }

    @Test
    void aMissingSecretStopsTheStartUp() {
        runner.run(context -> assertAnalysis(context, "The property waotp.verify.secret is required.", SECRET_FIX));
    }

    @Test
    void aShortSecretStopsTheStartUpWithoutShowingIt() {
        runner.withPropertyValues("waotp.verify.secret=too-short-secret")
                .run(context -> assertThat(assertAnalysis(context,
                        "The property waotp.verify.secret must be at least 32 bytes, was 16 bytes.", SECRET_FIX)
                        .getDescription()).doesNotContain("too-short-secret"));
    }

    @Test
    void anInvalidSettingIsNamedWithItsProperty() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.code-length=3")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.code-length must be 4 to 10 characters, was 3.",
                        "Correct waotp.verify.code-length in the application's configuration."));
    }

    @Test
    void anInvalidLimitIsNamedWithItsProperty() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.limits.per-caller.count=0")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.limits.per-caller.count must be at least 1, was 0.",
                        "Correct waotp.verify.limits.per-caller.count in the application's configuration."));
    }

    @Test
    void aDisabledLimitDoesNotRefuse() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.resend-after=0s",
                "waotp.verify.max-sends=10", "waotp.verify.limits.per-phone.enabled=false").run(context -> {
                    Verifier verifier = context.getBean(Verifier.class);
                    for (int i = 0; i < 8; i++) {
                        assertThat(verifier.start(PHONE, "203.0.113." + i)).isInstanceOf(StartResult.Sent.class);
                    }
                });
    }

    @Test
    void theCallersCheckLimitIsSetByItsProperty() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.limits.per-caller-checks.count=2")
                .run(context -> {
                    Verifier verifier = context.getBean(Verifier.class);
                    for (int i = 0; i < 2; i++) {
                        assertThat(verifier.check("+91980000000" + i, "123456", "203.0.113.9"))
                                .isInstanceOf(CheckResult.NotPending.class);
                    }
                    assertThat(verifier.check("+919800000009", "123456", "203.0.113.9"))
                            .isInstanceOf(CheckResult.RateLimited.class);
                });
    }

    @Test
    void storeAndRateLimiterBeansAreUsedAndNamedInTheLog(CapturedOutput output) {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET)
                .withBean(VerificationStore.class, InMemoryVerificationStore::new)
                .withBean(RateLimitStorage.class, InMemoryRateLimitStorage::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("pending codes kept by InMemoryVerificationStore;"
                            + " rate limits kept by InMemoryRateLimitStorage");
                });
    }

    @Test
    void aPreviousSecretKeepsCodesSentBeforeTheRotation() {
        InMemoryVerificationStore shared = new InMemoryVerificationStore();
        String rotated = "a-new-secret-of-at-least-32-bytes-0123456789";
        ApplicationContextRunner sharing = runner.withBean(VerificationStore.class, () -> shared);
        sharing.withPropertyValues("waotp.verify.secret=" + SECRET)
                .run(context -> context.getBean(Verifier.class).start(PHONE, "203.0.113.7"));
        String code = lastCodeSentTo(PHONE);

        sharing.withPropertyValues("waotp.verify.secret=" + rotated)
                .run(context -> assertThat(context.getBean(Verifier.class).check(PHONE, code))
                        .isInstanceOf(CheckResult.WrongCode.class));
        sharing.withPropertyValues("waotp.verify.secret=" + rotated, "waotp.verify.previous-secrets=" + SECRET)
                .run(context -> assertThat(context.getBean(Verifier.class).check(PHONE, code))
                        .isInstanceOf(CheckResult.Approved.class));
    }

    @Test
    void aShortPreviousSecretIsNamedWithItsIndex() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.previous-secrets[0]=" + SECRET,
                "waotp.verify.previous-secrets[1]=too-short-secret")
                .run(context -> assertThat(assertAnalysis(context,
                        "The property waotp.verify.previous-secrets[1] must be at least 32 bytes, was 16 bytes.",
                        "Correct waotp.verify.previous-secrets[1] in the application's configuration.")
                        .getDescription()).doesNotContain("too-short-secret"));
    }

    @Test
    void aLifetimeOverTenMinutesNeedsLifetimeBeyondNist() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.lifetime=15m")
                .run(context -> assertAnalysis(context,
                        "The property waotp.verify.lifetime must be at most 10 minutes (NIST SP 800-63B-4 for"
                                + " out-of-band secrets), was PT15M.",
                        "Set waotp.verify.lifetime to 10m or less, or waotp.verify.lifetime-beyond-nist=true to"
                                + " allow more against NIST SP 800-63B-4's advice."));
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.lifetime=15m",
                "waotp.verify.lifetime-beyond-nist=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Verifier.class));
    }

    @Test
    void codesWeakerThanTwentyBitsAreNamedWithTheirProperty() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.code-length=5")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(new WaotpFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                            .startsWith("The property waotp.verify.code-length ");
                });
    }

    @Test
    void customizersHaveTheLastWordInOrder() {
        runner.withPropertyValues("waotp.verify.secret=" + SECRET, "waotp.verify.code-length=8")
                .withBean("second", VerifierBuilderCustomizer.class, () -> new OrderedCustomizer(2, 10))
                .withBean("first", VerifierBuilderCustomizer.class, () -> new OrderedCustomizer(1, 9))
                .run(context -> {
                    context.getBean(Verifier.class).start(PHONE, "203.0.113.7");
                    assertThat(lastCodeSentTo(PHONE)).hasSize(10);
                });
    }

    @Test
    void theApplicationsOwnListenersAreTold() {
        List<StartResult> started = new ArrayList<>();
        List<CheckResult> checked = new ArrayList<>();
        VerificationListener first = new VerificationListener() {
            @Override
            public void started(StartResult result) {
                started.add(result);
            }
        };
        VerificationListener second = new VerificationListener() {
            @Override
            public void checked(CheckResult result) {
                checked.add(result);
            }
        };
        runner.withPropertyValues("waotp.verify.secret=" + SECRET)
                .withBean("first", VerificationListener.class, () -> first)
                .withBean("second", VerificationListener.class, () -> second)
                .run(context -> {
                    Verifier verifier = context.getBean(Verifier.class);
                    verifier.start(PHONE, "203.0.113.7");
                    verifier.check(PHONE, lastCodeSentTo(PHONE));

                    assertThat(started).singleElement().isInstanceOf(StartResult.Sent.class);
                    assertThat(checked).singleElement().isInstanceOf(CheckResult.Approved.class);
                });
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwnVerifier() {
        runner.withUserConfiguration(OwnVerifier.class)
                .run(context -> assertThat(context).hasNotFailed().getBean(Verifier.class)
                        .isSameAs(context.getBean(OwnVerifier.class).verifier));
    }

    @Test
    void withoutWaotpVerifyThereIsNoVerifierAndNoSecretIsNeeded() {
        runner.withClassLoader(new FilteredClassLoader(Verifier.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("verifier"));
    }

    /** Sets the code length, so that the one applied last shows in the code sent. */
    private record OrderedCustomizer(int order, int codeLength) implements VerifierBuilderCustomizer, Ordered {
        @Override
        public void customize(Verifier.Builder builder) {
            builder.codeLength(codeLength);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAuthTemplates(basePackageClasses = SignupCode.class)
    static class OtherPackage {}

    @Configuration(proxyBeanMethods = false)
    @EnableAuthTemplates(basePackageClasses = AsyncOnlyCode.class)
    static class AsyncOnly {}

    @Configuration(proxyBeanMethods = false)
    static class OwnCodeSender {
        final List<String> phones = new ArrayList<>();

        @Bean
        CodeSender codeSender() {
            return (phone, code) -> {
                phones.add(phone);
                return new SendResult(List.of("own-1"), "WA202", "sent by the application");
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnVerifier {
        final Verifier verifier = Verifier.builder().sender((phone, code) -> null)
                .secret(SECRET.getBytes(StandardCharsets.UTF_8)).build();

        @Bean
        Verifier ownVerifier() {
            return verifier;
        }
    }
}
