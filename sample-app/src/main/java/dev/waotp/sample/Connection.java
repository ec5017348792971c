package dev.waotp.sample;

import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.KaleyraStub;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A client for Kaleyra when the {@code KALEYRA_*} variables are set, else for the embedded stub,
 * which this then owns. Closing it closes both.
 */
final class Connection implements AutoCloseable {
    /** A number the stub cannot deliver to on WhatsApp (Meta's 131026), so that the SMS fallback shows. */
    static final String UNDELIVERABLE = "+919800000131";

    final KaleyraClient client;
    /** The embedded stub, when there are no credentials; it plays Kaleyra and the phone. */
    final @Nullable KaleyraStub stub;
    /** With the stub, the endpoint it posts delivery statuses to. */
    final @Nullable DeliveryReceiver deliveries;

    private Connection(KaleyraClient client, @Nullable KaleyraStub stub, @Nullable DeliveryReceiver deliveries) {
        this.client = client;
        this.stub = stub;
        this.deliveries = deliveries;
    }

    static Connection open(Map<String, String> env) {
        Optional<KaleyraClientBuilder> kaleyra = Credentials.fromEnvironment(env);
        if (kaleyra.isPresent()) {
            return new Connection(kaleyra.get().build(), null, null);
        }
        DeliveryReceiver deliveries = DeliveryReceiver.start();
        KaleyraStub stub = KaleyraStub.builder().callbacks(deliveries.stubCallbacks()
                .outcome(UNDELIVERABLE, DeliveryOutcome.failed(131026, "Message undeliverable")).build()).start();
        return new Connection(stub.clientBuilder().build(), stub, deliveries);
    }

    /** One line that says where sends go. */
    String describe() {
        return stub == null
                ? "Sending through Kaleyra at " + client.baseUrl()
                : "No KALEYRA_* variables set: sending to the embedded Kaleyra stub at " + stub.baseUrl();
    }

    @Override
    public void close() {
        client.close();
        if (stub != null) {
            stub.close();
        }
        if (deliveries != null) {
            deliveries.close();
        }
    }
}
