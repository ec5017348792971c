package dev.waotp.verify.redis;

import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import dev.waotp.verify.CodeSender;
import java.util.List;

/**
 * The real send path for the Verifier tests: a {@link CodeSender} through a {@link KaleyraClient} to the embedded
 * {@link KaleyraStub}, which plays the phone, so a test reads the code a user would have got.
 */
final class StubPhone implements AutoCloseable {
    private static final TemplateSpec LOGIN = TemplateSpec.of("auth1", "en_US");

    private final KaleyraStub stub = KaleyraStub.start();
    private final KaleyraClient client = stub.clientBuilder().build();

    /** What a generated {@code loginCode::send} does. */
    CodeSender sender() {
        return (phone, code) -> client.send(AuthMessage.builder(LOGIN).to(phone).otp(code).build());
    }

    /** Requests the stub got since the last {@link #forget()}, refused ones included. */
    int requests() {
        return stub.requestCount();
    }

    /** The code the phone got last. */
    String lastCode() {
        List<ReceivedMessage> received = stub.received();
        if (received.isEmpty()) {
            throw new AssertionError("the stub received no code");
        }
        return received.get(received.size() - 1).otp();
    }

    void forget() {
        stub.reset();
    }

    @Override
    public void close() {
        client.close();
        stub.close();
    }
}
