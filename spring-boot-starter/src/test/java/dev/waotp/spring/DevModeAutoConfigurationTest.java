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
}
