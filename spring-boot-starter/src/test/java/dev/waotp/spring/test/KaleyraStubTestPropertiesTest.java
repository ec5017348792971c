package dev.waotp.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.testing.KaleyraStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

/** Which properties a test context of the stub gets stand-ins for, and that secrets differ between contexts. */
class KaleyraStubTestPropertiesTest {
    private final ContextCustomizer customizer =
            new KaleyraStubTestProperties().createContextCustomizer(KaleyraStubTestPropertiesTest.class, List.of());

    @Test
    void aContextWithoutASecretGetsARandomOneEachTime() {
        String first = after(Map.of()).getProperty("waotp.verify.secret");
        String second = after(Map.of()).getProperty("waotp.verify.secret");

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second);
        assertThat(second).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void theReadmesPlaceholdersWhoseVariablesAreUnsetGetStandIns() {
        Environment environment = after(Map.of(
                "waotp.verify.secret", "${WAOTP_TEST_UNSET_1}",
                "waotp.kaleyra.sid", "${WAOTP_TEST_UNSET_2}",
                "waotp.kaleyra.api-key", "${WAOTP_TEST_UNSET_3}",
                "waotp.kaleyra.business-number", "${WAOTP_TEST_UNSET_4}",
                "waotp.callbacks.basic.password", "${WAOTP_TEST_UNSET_5}"));

        assertThat(environment.getProperty("waotp.verify.secret")).doesNotContain("${").hasSizeGreaterThanOrEqualTo(32);
        assertThat(environment.getProperty("waotp.kaleyra.sid")).isEqualTo(KaleyraStub.DEFAULT_SID);
        assertThat(environment.getProperty("waotp.kaleyra.api-key")).isEqualTo(KaleyraStub.DEFAULT_API_KEY);
        assertThat(environment.getProperty("waotp.kaleyra.business-number"))
                .isEqualTo(KaleyraStub.DEFAULT_BUSINESS_NUMBER);
        assertThat(environment.getProperty("waotp.callbacks.basic.password")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void theApplicationsOwnValuesAreKeptAndUnsetOptionalOnesStayUnset() {
        String own = "the application's own secret of at least 32 bytes";
        Environment environment = after(Map.of("waotp.verify.secret", "${OWN}", "OWN", own,
                "waotp.kaleyra.api-key", "own-key"));

        assertThat(environment.getProperty("waotp.verify.secret")).isEqualTo(own);
        assertThat(environment.getProperty("waotp.kaleyra.api-key")).isEqualTo("own-key");
        assertThat(environment.getProperty("waotp.kaleyra.sid")).isNull();
        assertThat(environment.getProperty("waotp.callbacks.bearer-token")).isNull();
    }

    @Test
    void customizersAreEqualSoTestContextsAreStillCached() {
        assertThat(customizer).isEqualTo(new KaleyraStubTestProperties()
                .createContextCustomizer(String.class, List.of())).hasSameHashCodeAs(customizer);
    }

    private Environment after(Map<String, Object> properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application", properties));
            customizer.customizeContext(context, null);
            return context.getEnvironment();
        }
    }
}
