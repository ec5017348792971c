package dev.waotp.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.VerificationStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A {@code @SpringBootTest} as an application writes it: the whole auto-configuration, Spring Data Redis
 * and waotp-verify-redis on the class path, no Redis running, no account.
 */
@SpringBootTest(classes = AutoConfigureKaleyraStubTest.App.class,
        properties = {"spring.main.web-application-type=none", "waotp.verify.secret=" + AutoConfigureKaleyraStubTest.SECRET})
@AutoConfigureKaleyraStub
class AutoConfigureKaleyraStubTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
    private static final String PHONE = "+447700900123";

    @Autowired
    Verifier verifier;

    @Autowired
    KaleyraStubInbox inbox;

    @Autowired
    VerificationStore store;

    @Autowired
    Environment environment;

    @Test
    void theTestTypesTheCodeTheStubReceived() {
        verifier.start(PHONE, "test");
        assertThat(verifier.check(PHONE, inbox.lastCodeSentTo(PHONE))).isInstanceOf(CheckResult.Approved.class);
        assertThat(inbox.messagesTo(PHONE)).singleElement()
                .satisfies(message -> assertThat(message.templateName()).isEqualTo("auth1"));
    }

    @Test
    void codesStayInMemoryThoughRedisIsOnTheClassPath() {
        assertThat(environment.getProperty("waotp.verify.store")).isEqualTo("memory");
        assertThat(store).isInstanceOf(InMemoryVerificationStore.class);
    }

    @Test
    void noCodeForAPhoneIsAClearFailure() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> inbox.lastCodeSentTo("+447700900999"))
                .withMessage("the stub accepted no message to +447700900999");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
