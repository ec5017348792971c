package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.StubCallbacks;
import dev.waotp.verify.Channel;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.tck.CallbackReceiver;
import dev.waotp.verify.tck.StubPhone;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application instances on one Redis, each with its own client and its own callback endpoint: the send on
 * one, the callbacks on the other, the state visible on both; and a failure posted twice, once to each instance,
 * sends one SMS.
 */
class RedisDeliveryTest {
    private static final byte[] SECRET = "the-same-secret-on-every-instance!".getBytes(StandardCharsets.US_ASCII);
    private static final String DELIVERED = "+919876543210";
    private static final String FAILING = "+919800000131";

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private final CallbackReceiver one = new CallbackReceiver();
    private final CallbackReceiver other = new CallbackReceiver();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        one.close();
        other.close();
    }

    /** A stub that posts every callback to {@code receiver}, twice when {@code duplicates}. */
    private StubPhone phonePostingTo(CallbackReceiver receiver, boolean duplicates) {
        StubCallbacks.Builder callbacks = StubCallbacks.to(receiver.url()).bearer(CallbackReceiver.TOKEN)
                .outcome(FAILING, DeliveryOutcome.failed(131026, "Message undeliverable"));
        StubPhone phone = new StubPhone(KaleyraStub.builder()
                .callbacks(duplicates ? callbacks.duplicates().build() : callbacks.build()).start());
        closing.add(phone);
        return phone;
    }

    private Verifier instance(StubPhone phone, CallbackReceiver receiver) {
        RedisVerificationStore store = RedisVerificationStore.create(REDIS.newClient());
        RedisRateLimitStorage limits = RedisRateLimitStorage.create(REDIS.newClient());
        closing.add(store);
        closing.add(limits);
        Verifier verifier = Verifier.builder().secret(SECRET).store(store).rateLimitStorage(limits)
                .trackedSender(phone.trackedSender())
                .smsFallback(SmsFallback.builder(phone.smsSender()).allowRegions("IN").build())
                .build();
        receiver.listener(verifier);
        return verifier;
    }

    @Test
    void aStatusReceivedByOneInstanceIsSeenByBoth() {
        StubPhone phone = phonePostingTo(other, false);
        Verifier sender = instance(phone, one);
        Verifier receiver = instance(phone, other);

        sender.start(DELIVERED, "caller");
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        Delivery delivered = new Delivery(Channel.WHATSAPP, DeliveryState.DELIVERED);
        assertThat(sender.delivery(DELIVERED)).hasValue(delivered);
        assertThat(receiver.delivery(DELIVERED)).hasValue(delivered);
    }

    @Test
    void aFailurePostedToBothInstancesSendsOneSms() {
        StubPhone toOne = phonePostingTo(one, true);
        Verifier first = instance(toOne, one);
        instance(toOne, other);
        first.start(FAILING, "caller");
        String tag = toOne.received().get(0).ref2();
        String whatsappCode = toOne.lastCode();
        toOne.stub().awaitCallbacks(Duration.ofSeconds(5));
        // The same failure reaches the second instance too, as Kaleyra's retry to another node would.
        other.listenerOf().onStatus(new DeliveryStatus(DeliveryState.FAILED, "wamid.retry", null,
                FAILING.substring(1), null, "131026", "Message undeliverable", null, null, tag));

        assertThat(toOne.stub().receivedSms()).hasSize(1);
        assertThat(first.check(FAILING, whatsappCode)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(first.check(FAILING, toOne.lastSmsCode())).isEqualTo(new CheckResult.Approved());
    }
}
