package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraClient;
import dev.waotp.spring.app.LoginCode;
import dev.waotp.spring.app.TestApplication;
import dev.waotp.testing.KaleyraStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DevModeAutoConfigurationTest {
    private static final String PHONE = "+447700900123";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DevModeAutoConfiguration.class, KaleyraAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class);

    @Test
    void offByDefault() {
        runner.withPropertyValues("waotp.kaleyra.sid=HX1", "waotp.kaleyra.api-key=k",
                        "waotp.kaleyra.business-number=+919876543210", "waotp.kaleyra.region=IN")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KaleyraStub.class));
    }

    @Test
    void sendsToTheEmbeddedStubWithTheApplicationsTemplatesApproved(CapturedOutput output) {
        runner.withPropertyValues("waotp.dev.enabled=true").run(context -> {
            KaleyraStub stub = context.getBean(KaleyraStub.class);
            context.getBean(LoginCode.class).send(PHONE, "482913");

            assertThat(stub.received()).singleElement().satisfies(message -> {
                assertThat(message.templateName()).isEqualTo("auth1");
                assertThat(message.otp()).isEqualTo("482913");
            });
            assertThat(context.getBean(KaleyraClient.class)).isNotNull();
            assertThat(output).contains("waotp dev mode: WhatsApp messages go to an embedded Kaleyra stub at "
                    + stub.baseUrl() + ", not to Kaleyra. Read the codes it received at GET /waotp/dev/messages");
        });
    }

    @Test
    void refusedWhileARealApiKeyIsSet() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.kaleyra.api-key=real-key").run(context ->
                assertAnalysis(context, "waotp.dev.enabled is true while waotp.kaleyra.api-key is set: dev mode would"
                                + " send to an embedded stub, not to the Kaleyra account the key belongs to.",
                        "Remove waotp.dev.enabled (or set it to false) to send through Kaleyra; or unset"
                                + " waotp.kaleyra.api-key to develop against the embedded stub."));
    }

    @Test
    void aServletApplicationListsTheCodesTheStubReceived() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DevModeAutoConfiguration.class,
                        KaleyraAutoConfiguration.class))
                .withUserConfiguration(TestApplication.class)
                .withPropertyValues("waotp.dev.enabled=true")
                .run(context -> {
                    context.getBean(LoginCode.class).send(PHONE, "482913");
                    assertThat(context.getBean(DevMessagesController.class).messages()).singleElement()
                            .satisfies(message -> assertThat(message).containsEntry("code", "482913")
                                    .containsEntry("template", "auth1"));
                });
    }

    @Test
    void theReadmesAccountPropertiesWithTheirVariablesUnsetDoNotStopDevMode() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.kaleyra.sid=HXAP16XXXXXX97IN",
                        "waotp.kaleyra.api-key=${WAOTP_TEST_KEY_NOT_SET_ANYWHERE}", "waotp.kaleyra.region=IN",
                        "waotp.kaleyra.business-number=+919876543210")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KaleyraClient.class).baseUrl())
                            .isEqualTo(context.getBean(KaleyraStub.class).baseUrl());
                });
    }

    @Test
    void aKeyFromAVariableThatIsSetStillRefusesDevMode() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.kaleyra.api-key=${KEY_VARIABLE}",
                        "KEY_VARIABLE=real-key")
                .run(context -> assertAnalysis(context, "waotp.dev.enabled is true while waotp.kaleyra.api-key is"
                                + " set: dev mode would send to an embedded stub, not to the Kaleyra account the key"
                                + " belongs to.",
                        "Remove waotp.dev.enabled (or set it to false) to send through Kaleyra; or unset"
                                + " waotp.kaleyra.api-key to develop against the embedded stub."));
    }

    @Test
    void devModeWithoutWaotpTestingStopsTheStartUpInsteadOfBackingOff() {
        // The production jar's placeholders are unresolved too; the missing stub is the cause to report.
        runner.withClassLoader(new FilteredClassLoader(KaleyraStub.class))
                .withPropertyValues("waotp.dev.enabled=true", "waotp.verify.secret=${WAOTP_TEST_UNSET_SECRET}")
                .run(context -> assertAnalysis(context, "waotp.dev.enabled is true, but waotp-testing, whose Kaleyra"
                                + " stub dev mode runs, is not on the class path.",
                        "Dev mode is for development: declare dev.waotp:waotp-testing in test scope and start the"
                                + " application from a main class under src/test (mvn spring-boot:test-run), so that"
                                + " no packaged application holds the stub. To send through Kaleyra, remove"
                                + " waotp.dev.enabled."));
    }

    @Test
    void aFailedNumberNeedsTheCallbackEndpointTheStubPostsTo() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.dev.numbers.failed=+919000000001")
                .run(context -> assertAnalysis(context, "waotp.dev.numbers.failed is set, but the stub posts that"
                                + " status as a delivery callback, and waotp.callbacks.path, the endpoint it posts to,"
                                + " is not set.",
                        "Set waotp.callbacks.path and its credentials (waotp.callbacks.*) as for Kaleyra, or use"
                                + " waotp.dev.numbers.refused, which needs no callback."));
    }

    @Test
    void aNumberThatIsNotE164IsNamedByItsIndexWithoutItsValue() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.dev.numbers.refused=+919000000003,9000000004")
                .run(context -> assertAnalysis(context, "The property waotp.dev.numbers.refused[1] must be a number"
                                + " in E.164 form: '+' then 8 to 15 digits, the first not 0.",
                        "Correct waotp.dev.numbers.refused[1] in the application's configuration."));
    }

    @Test
    void aNumberFailsOneWayOnly() {
        runner.withPropertyValues("waotp.dev.enabled=true", "waotp.callbacks.path=/cb",
                        "waotp.dev.numbers.not-sent=+919000000003", "waotp.dev.numbers.refused=+919000000003")
                .run(context -> assertAnalysis(context, "The property waotp.dev.numbers.refused[0] lists the same"
                                + " number as waotp.dev.numbers.not-sent[0], and a number fails one way.",
                        "Correct waotp.dev.numbers.refused[0] in the application's configuration."));
    }

    @Test
    void theSmsCodeIsFoundByTheBodyTemplateAndOnlyThere() {
        new ApplicationContextRunner().withPropertyValues("waotp.sms.body={otp} is your code. Again: {otp}.")
                .run(context -> {
                    java.util.regex.Pattern code = DevMessagesController.smsCode(context.getEnvironment());
                    java.util.regex.Matcher matcher = code.matcher("4829 is your code. Again: 4829.");
                    assertThat(matcher.matches()).isTrue();
                    assertThat(matcher.group(1)).isEqualTo("4829");
                    assertThat(code.matcher("4829 is your code. Again: 1111.").matches()).isFalse();
                    assertThat(code.matcher("Something else").matches()).isFalse();
                });
    }
}
