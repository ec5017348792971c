package dev.waotp.verify.tck;

import dev.waotp.AuthMessage;
import dev.waotp.verify.CodeSender;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import java.util.List;

/**
 * The real send path for Verifier tests (shipped in the test-jar for every store's tests): a
 * {@link CodeSender} that sends through a {@link KaleyraClient} to the embedded {@link KaleyraStub},
 * which plays the phone: {@link #lastCode()} is the code a user would have got.
 */
public final class StubPhone implements AutoCloseable {
    /** A phone number the tests send to. */
    public static final String PHONE = "+919876543210";
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    private final KaleyraStub stub = KaleyraStub.start();
    private final KaleyraClient client = stub.clientBuilder().build();

    /** Starts a stub and a client for it. */
    public StubPhone() {}

    /** Sends the code as a generated {@code loginCode::send} would. */
    public CodeSender sender() {
        return (phone, code) -> client.send(AuthMessage.builder(AUTH1).to(phone).otp(code).build());
    }

    /** The stub, to inject faults or count requests. */
    public KaleyraStub stub() {
        return stub;
    }

    /** Every message the stub accepted, oldest first. */
    public List<ReceivedMessage> received() {
        return stub.received();
    }

    /** Requests the stub got since it started or since the last {@link #forget()}, refused ones included. */
    public int requests() {
        return stub.requestCount();
    }

    /** Forgets what the stub received and the requests it counted, to count afresh. */
    public void forget() {
        stub.reset();
    }

    /** The code the phone got last; fails the test when none arrived. */
    public String lastCode() {
        List<ReceivedMessage> received = stub.received();
        if (received.isEmpty()) {
            throw new AssertionError("the stub received no code");
        }
        return received.get(received.size() - 1).otp();
    }

    /** Closes the client and the stub. */
    @Override
    public void close() {
        client.close();
        stub.close();
    }
}
