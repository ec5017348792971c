package dev.waotp.spring.test;

import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import java.util.List;
import java.util.Objects;

/**
 * The messages the embedded stub received during a test, as the phones would show them. A bean of
 * {@link AutoConfigureKaleyraStub}.
 */
public final class KaleyraStubInbox {
    private final KaleyraStub stub;

    /**
     * An inbox over {@code stub}.
     *
     * @param stub the stub the client sends to
     */
    public KaleyraStubInbox(KaleyraStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /**
     * The code of the last message sent to {@code phone}.
     *
     * @param phone a number in E.164 form
     * @return the one-time password in that message
     * @throws IllegalStateException when no message went to that number
     */
    public String lastCodeSentTo(String phone) {
        return stub.lastCodeSentTo(phone);
    }

    /**
     * Every message sent to {@code phone}, oldest first.
     *
     * @param phone a number in E.164 form
     * @return the messages, perhaps none
     */
    public List<ReceivedMessage> messagesTo(String phone) {
        return stub.received().stream().filter(message -> message.recipients().contains(phone)).toList();
    }

    /** The stub itself, to inject faults ({@link KaleyraStub#failNext}) or count requests. */
    public KaleyraStub stub() {
        return stub;
    }

    /** Forgets what the stub received, for a test that starts afresh within one context. */
    public void clear() {
        stub.reset();
    }
}
