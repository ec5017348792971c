package dev.waotp.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

/** Which test contexts get a secret of their own, and that each gets a different one. */
class KaleyraStubTestSecretContextTest {
    private final ContextCustomizer customizer =
            new KaleyraStubTestSecret().createContextCustomizer(KaleyraStubTestSecretContextTest.class, List.of());

    @Test
    void aContextWithoutASecretGetsARandomOneEachTime() {
        String first = secretAfterCustomizing(Map.of());
        String second = secretAfterCustomizing(Map.of());

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second);
        assertThat(second).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aPlaceholderWhoseVariableIsUnsetIsReplaced() {
        assertThat(secretAfterCustomizing(Map.of("waotp.verify.secret", "${WAOTP_TEST_SECRET_NOT_SET_ANYWHERE}")))
                .doesNotContain("${").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void theApplicationsOwnSecretIsKept() {
        String own = "the application's own secret of at least 32 bytes";
        assertThat(secretAfterCustomizing(Map.of("waotp.verify.secret", own))).isEqualTo(own);
        assertThat(secretAfterCustomizing(Map.of("waotp.verify.secret", "${OWN}", "OWN", own))).isEqualTo(own);
    }

    @Test
    void customizersAreEqualSoTestContextsAreStillCached() {
        assertThat(customizer).isEqualTo(new KaleyraStubTestSecret()
                .createContextCustomizer(String.class, List.of())).hasSameHashCodeAs(customizer);
    }

    private String secretAfterCustomizing(Map<String, Object> properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application", properties));
            customizer.customizeContext(context, null);
            return context.getEnvironment().getProperty("waotp.verify.secret");
        }
    }
}
