package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.TestApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A {@code waotp.*} key the starter does not know stops the start-up naming the nearest known one, in whatever
 * form it was written; Spring Boot itself would ignore it. Every known key, in every form Boot binds, passes.
 */
class UnknownPropertiesTest extends StubbedKaleyra {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class, VerifierAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties())
            .withPropertyValues("waotp.verify.secret=" + SECRET);

    @Test
    void theReportedMisspellingNamesTheRightProperty() {
        runner.withPropertyValues("waotp.kaleyra.callback-profil-id=cbp-123")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.callback-profil-id is not a waotp property, so Spring Boot would"
                                + " ignore it.",
                        "Did you mean waotp.kaleyra.callback-profile-id? Correct the name, or remove the property."));
    }

    @Test
    void aWrongGroupIsNamedWithTheNearestProperty() {
        runner.withPropertyValues("waotp.verifier.secret=" + SECRET)
                .run(context -> assertAnalysis(context,
                        "The property waotp.verifier.secret is not a waotp property, so Spring Boot would ignore it.",
                        "Did you mean waotp.verify.secret? Correct the name, or remove the property."));
    }

    @Test
    void theValueIsNeverShown() {
        runner.withPropertyValues("waotp.kaleyra.apikey2=s3cret-key-value")
                .run(context -> {
                    FailureAnalysis analysis = assertAnalysis(context,
                            "The property waotp.kaleyra.apikey2 is not a waotp property, so Spring Boot would ignore it.",
                            "Did you mean waotp.kaleyra.api-key? Correct the name, or remove the property.");
                    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cret");
                });
    }

    @Test
    void everyUnknownPropertyIsListedAtOnce() {
        runner.withPropertyValues("waotp.kaleyra.sidd=HX1", "waotp.sms.sendr=WAOTPS")
                .run(context -> assertAnalysis(context,
                        "These properties are not waotp properties, so Spring Boot would ignore them:"
                                + " waotp.kaleyra.sidd, waotp.sms.sendr.",
                        "Did you mean waotp.kaleyra.sid for waotp.kaleyra.sidd, waotp.sms.sender for waotp.sms.sendr?"
                                + " Correct the names, or remove the properties."));
    }

    @Test
    void anEnvironmentVariableIsNamedAsWrittenWithTheFormThatBinds() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                Map.of("WAOTP_KALEYRA_CALLBACK_PROFILE_ID", "cbp-123"))))
                .run(context -> assertAnalysis(context,
                        "The environment variable WAOTP_KALEYRA_CALLBACK_PROFILE_ID (waotp.kaleyra.callback.profile.id)"
                                + " is not a waotp property, so Spring Boot would ignore it.",
                        "Did you mean waotp.kaleyra.callback-profile-id (as an environment variable,"
                                + " WAOTP_KALEYRA_CALLBACKPROFILEID)? Correct the name, or remove the property."));
    }

    @Test
    void aVariableThatAPlaceholderReadsIsTheApplicationsOwn() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                Map.of("WAOTP_VERIFY_PREVIOUS_SECRET", SECRET + "-old"))))
                .withPropertyValues("waotp.verify.previous-secrets[0]=${WAOTP_VERIFY_PREVIOUS_SECRET}")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void everyFormBootBindsIsKnown() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                Map.of("WAOTP_VERIFY_MAXATTEMPTS", "4", "WAOTP_VERIFY_PREVIOUSSECRETS_0", SECRET + "-0"))))
                .withPropertyValues("waotp.kaleyra.readTimeout=7s", "waotp.kaleyra.retry.max_attempts=2",
                        "waotp.sms.allowed-regions[0]=IN", "waotp.sms.allowed-regions[1]=SG",
                        "waotp.verify.limits.per-phone.count=3", "waotp.dev.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aKeyBelowAPlainPropertyIsUnknown() {
        runner.withPropertyValues("waotp.kaleyra.sid.extra=x")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.sid.extra is not a waotp property, so Spring Boot would ignore it.",
                        "Did you mean waotp.kaleyra.sid? Correct the name, or remove the property."));
    }

    @Test
    void theChecksAreOneBeanHoweverManyAutoConfigurationsImportThem() {
        runner.withConfiguration(AutoConfigurations.of(DevModeAutoConfiguration.class,
                        KaleyraStubTestAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().getBeans(PropertyChecks.class).hasSize(1));
    }
}
