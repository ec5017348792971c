package dev.waotp.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The issue's application as its test saw it: the README's properties, {@code ${KALEYRA_API_KEY}} and
 * {@code ${WAOTP_VERIFY_SECRET}} with no variables where tests run, and a Spring Security filter chain that needs
 * the {@link Verifier}. {@code @AutoConfigureKaleyraStub} gives the test context stand-ins (a secret of its own),
 * so the test runs as written.
 */
@SpringBootTest(classes = KaleyraStubReadmePropertiesTest.App.class, properties = {
    "waotp.kaleyra.sid=HXAP16XXXXXX97IN",
    "waotp.kaleyra.api-key=${KALEYRA_API_KEY}",
    "waotp.kaleyra.region=IN",
    "waotp.kaleyra.business-number=+919876543210",
    "waotp.verify.secret=${WAOTP_VERIFY_SECRET}"
})
@AutoConfigureKaleyraStub
class KaleyraStubReadmePropertiesTest {
    private static final String PHONE = "+447700900125";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableWebSecurity
    static class App {
        @Bean
        SecurityFilterChain filterChain(HttpSecurity http, Verifier verifier) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
        }
    }

    @BeforeAll
    static void variableIsUnset() {
        assumeTrue(System.getenv("WAOTP_VERIFY_SECRET") == null, "WAOTP_VERIFY_SECRET is set where the tests run");
        assumeTrue(System.getenv("KALEYRA_API_KEY") == null, "KALEYRA_API_KEY is set where the tests run");
    }

    @Autowired
    Verifier verifier;

    @Autowired
    KaleyraStubInbox inbox;

    @Autowired
    Environment environment;

    @Test
    void theCodeSentSignsIn() {
        verifier.start(PHONE, "test");
        assertThat(verifier.check(PHONE, inbox.lastCodeSentTo(PHONE))).isInstanceOf(CheckResult.Approved.class);
    }

    @Test
    void theTestSecretIsLongEnoughAndNoPlaceholder() {
        String secret = environment.getProperty("waotp.verify.secret");
        assertThat(secret).doesNotContain("${");
        assertThat(secret.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
    }
}
