package dev.waotp.sample.di;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraClient;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.KaleyraStubExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per test: a stub approving both templates, a client pointed at it, and a check of what it received. */
abstract class StubbedKaleyra {
    @RegisterExtension
    final KaleyraStubExtension kaleyra = new KaleyraStubExtension(
            KaleyraStub.builder().approve("auth1", "en_US").approve("signin_code", "en_GB"));

    /** What the containers are given to inject into the generated senders. */
    KaleyraClient client;

    @BeforeEach
    void connect() {
        client = kaleyra.stub().clientBuilder().build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** The stub received one message, the one that {@code messageId} answered, with these values. */
    void assertSentOnly(String messageId, String template, String language, String phone, String otp) {
        assertThat(kaleyra.stub().received()).singleElement().satisfies(received -> {
            assertThat(received.messageId()).isEqualTo(messageId);
            assertThat(received.templateName()).isEqualTo(template);
            assertThat(received.lang()).isEqualTo(language);
            assertThat(received.recipients()).containsExactly(phone);
            // The stub refuses a payload whose body and button codes differ, so this is both.
            assertThat(received.otp()).isEqualTo(otp);
        });
    }
}
