package dev.waotp;

import static dev.waotp.MockKaleyra.offlineClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthTemplatesTest {
    private final KaleyraClient client = offlineClient().build();

    @AuthTemplate(name = "auth1", lang = "en_US")
    interface Generated {
        SendResult send(@To String to, @Otp String otp);
    }

    @AuthTemplate(name = "auth1", lang = "en_US")
    interface NeverGenerated {
        SendResult send(@To String to, @Otp String otp);
    }

    interface NotATemplate {}

    @Test
    void findsTheGeneratedClassOfANestedInterfaceByItsFlattenedName() {
        assertThat(AuthTemplates.generatedClassName(Generated.class))
                .isEqualTo("dev.waotp.AuthTemplatesTest_GeneratedImpl");

        Generated sender = AuthTemplates.create(Generated.class, client);

        assertThat(sender).isInstanceOf(AuthTemplatesTest_GeneratedImpl.class);
        assertThat(((AuthTemplatesTest_GeneratedImpl) sender).client).isSameAs(client);
    }

    @Test
    void saysWhenTheProcessorDidNotRun() {
        assertThatThrownBy(() -> AuthTemplates.create(NeverGenerated.class, client))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dev.waotp.AuthTemplatesTest_NeverGeneratedImpl was not generated: add"
                        + " dev.waotp:waotp-processor to the annotation processor path of the module that declares"
                        + " dev.waotp.AuthTemplatesTest$NeverGenerated");
    }

    @Test
    void refusesWhatIsNotAnAuthTemplateInterface() {
        assertThatThrownBy(() -> AuthTemplates.create(NotATemplate.class, client))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.waotp.AuthTemplatesTest$NotATemplate is not an interface annotated @AuthTemplate");
    }
}
