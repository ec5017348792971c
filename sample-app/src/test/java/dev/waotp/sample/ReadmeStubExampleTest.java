package dev.waotp.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.AuthTemplates;
import dev.waotp.KaleyraClient;
import dev.waotp.testing.Fault;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.KaleyraStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Testing your own code with the stub" example, kept compiling and passing. */
class ReadmeStubExampleTest {
    @RegisterExtension
    static final KaleyraStubExtension kaleyra = new KaleyraStubExtension();

    @Test
    void sendsTheCode() {
        KaleyraStub stub = kaleyra.stub();
        try (KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode login = AuthTemplates.create(LoginCode.class, client);
            login.send("+919876543210", "482913");
        }
        assertThat(stub.received().get(0).otp()).isEqualTo("482913");
    }

    @Test
    void survivesAnOutage() {
        KaleyraStub stub = kaleyra.stub();
        stub.failNext(2, Fault.serverError());
        try (KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode login = AuthTemplates.create(LoginCode.class, client);
            assertThat(login.send("+919876543210", "482913").messageId()).isNotBlank();
        }
        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(stub.received()).hasSize(1);
    }
}
