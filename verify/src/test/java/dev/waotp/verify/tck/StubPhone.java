package dev.waotp.verify.tck;

import dev.waotp.AuthMessage;
import dev.waotp.SmsMessage;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.TrackedCodeSender;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import dev.waotp.testing.ReceivedSms;
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

    private static final String SMS_PREFIX = "Your login code: ";

    private final KaleyraStub stub;
    private final KaleyraClient client;

    /** Starts a stub and a client for it. */
    public StubPhone() {
        this(KaleyraStub.start());
    }

    /** A phone played by {@code stub} (for example one that posts delivery callbacks), with a client for it. */
    public StubPhone(KaleyraStub stub) {
        this.stub = stub;
        this.client = stub.clientBuilder().build();
    }

    /** Sends the code with the verifier's tag as {@code ref2}, as a generated {@code @Ref2} sender would. */
    public TrackedCodeSender trackedSender() {
        return (phone, code, tag) -> client.send(AuthMessage.builder(AUTH1).to(phone).otp(code).ref2(tag).build());
    }

    /** Sends the code by SMS through the same client, with a DLT template id as India requires. */
    public CodeSender smsSender() {
        return (phone, code) -> client.sendSms(SmsMessage.builder().to(phone).sender("WAOTPV")
                .templateId("1207161234567890123").body(SMS_PREFIX + "{otp}").otp(code).build());
    }

    /** The code the phone got last by SMS; fails the test when none arrived. */
    public String lastSmsCode() {
        List<ReceivedSms> received = stub.receivedSms();
        if (received.isEmpty()) {
            throw new AssertionError("the stub received no SMS");
        }
        return received.get(received.size() - 1).body().substring(SMS_PREFIX.length());
    }

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
