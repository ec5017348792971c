package dev.waotp.verify;

import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import java.util.List;

/**
 * The real send path for tests: a {@link CodeSender} that sends through a {@link KaleyraClient} to the
 * embedded {@link KaleyraStub}, which plays the phone: {@link #lastCode()} is the code it received.
 */
final class StubPhone implements AutoCloseable {
    static final String PHONE = "+919876543210";
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    final KaleyraStub stub = KaleyraStub.start();
    private final KaleyraClient client = stub.clientBuilder().build();

    /** Sends the code as the generated {@code loginCode::send} would. */
    final CodeSender sender = (phone, code) -> client.send(AuthMessage.builder(AUTH1).to(phone).otp(code).build());

    List<ReceivedMessage> received() {
        return stub.received();
    }

    /** The code the phone got last. */
    String lastCode() {
        List<ReceivedMessage> received = stub.received();
        if (received.isEmpty()) {
            throw new AssertionError("the stub received no code");
        }
        return received.get(received.size() - 1).otp();
    }

    @Override
    public void close() {
        client.close();
        stub.close();
    }
}
