package dev.waotp.spring;

import static dev.waotp.spring.KaleyraAutoConfigurationTest.assertAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.app.LoginCode;
import dev.waotp.spring.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The issue's {@code waotp.kaleyra.callback-profile-id}: the client builder's callbackProfileId, from a property. */
class CallbackProfileIdPropertyTest extends StubbedKaleyra {
    private static final String PHONE = "+447700900123";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class))
            .withUserConfiguration(TestApplication.class)
            .withPropertyValues(kaleyraProperties());

    @Test
    void everySendNamesTheProfileInExtraInfo() {
        runner.withPropertyValues("waotp.kaleyra.callback-profile-id=cbp-123").run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(LoginCode.class).send(PHONE, "482913");

            assertThat(stub.received()).singleElement().satisfies(message ->
                    assertThat(message.rawJson()).contains("\"callback_profile_id\":\"cbp-123\""));
        });
    }

    @Test
    void withoutItNoProfileIsNamed() {
        runner.run(context -> {
            context.getBean(LoginCode.class).send(PHONE, "482913");

            assertThat(stub.received()).singleElement().satisfies(message ->
                    assertThat(message.rawJson()).doesNotContain("callback_profile_id"));
        });
    }

    @Test
    void anInvalidIdIsNamedWithTheRule() {
        runner.withPropertyValues("waotp.kaleyra.callback-profile-id=cbp 123")
                .run(context -> assertAnalysis(context,
                        "The property waotp.kaleyra.callback-profile-id must be 1 to 64 letters, digits, '-' or '_'.",
                        "Correct waotp.kaleyra.callback-profile-id in the application's configuration."));
    }
}
