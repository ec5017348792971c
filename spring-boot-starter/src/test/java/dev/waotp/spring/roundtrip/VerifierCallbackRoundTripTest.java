package dev.waotp.spring.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.spring.StubProperties;
import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.StubCallbacks;
import dev.waotp.verify.Channel;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.Verifier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop in a running application: its verifier sends through the starter's client to the stub, the
 * stub posts Kaleyra's callbacks to the endpoint the starter mounts, and the verifier, a {@code DeliveryListener}
 * bean, records them and falls back to SMS on a failure.
 */
@SpringBootTest(classes = VerifierCallbackRoundTripTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifierCallbackRoundTripTest {
    private static final String DELIVERED = "+919876543210";
    private static final String FAILING = "+919800000131";
    /** The application's port, known once it has started: the stub, made before, looks it up at each post. */
    private static final AtomicInteger PORT = new AtomicInteger();
    private static final KaleyraStub STUB = KaleyraStub.builder()
            .callbacks(StubCallbacks.to(() -> "http://127.0.0.1:" + PORT.get() + "/waotp/callbacks").basic("kaleyra", "cb-pass")
                    .outcome(FAILING, DeliveryOutcome.failed(131026, "Message undeliverable")).build())
            .start();

    @SpringBootApplication
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StubProperties.register(registry, STUB);
        registry.add("waotp.verify.secret", () -> "0123456789abcdef0123456789abcdef-round-trip");
        registry.add("waotp.verify.store", () -> "memory");
        registry.add("waotp.callbacks.path", () -> "/waotp/callbacks");
        registry.add("waotp.callbacks.basic.username", () -> "kaleyra");
        registry.add("waotp.callbacks.basic.password", () -> "cb-pass");
        registry.add("waotp.sms.sender", () -> "WAOTPS");
        registry.add("waotp.sms.template-id", () -> "1207161234567890123");
        registry.add("waotp.sms.allowed-regions", () -> "IN");
        registry.add("waotp.sms.body", () -> "Code {otp}");
    }

    @Autowired
    Verifier verifier;

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        PORT.set(port);
        STUB.reset();
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    void aDeliveredCallbackReachesTheVerifier() {
        verifier.start(DELIVERED, "203.0.113.7");
        STUB.awaitCallbacks(Duration.ofSeconds(10));

        assertThat(verifier.delivery(DELIVERED)).hasValue(new Delivery(Channel.WHATSAPP, DeliveryState.DELIVERED));
    }

    @Test
    void aFailedCallbackSendsTheCodeBySmsOnceAndOnlyThatCodeLogsIn() {
        verifier.start(FAILING, "203.0.113.7");
        String whatsappCode = STUB.received().get(0).otp();
        STUB.awaitCallbacks(Duration.ofSeconds(10));

        assertThat(STUB.receivedSms()).hasSize(1);
        assertThat(verifier.delivery(FAILING)).hasValue(new Delivery(Channel.SMS, null));
        assertThat(verifier.check(FAILING, whatsappCode)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(verifier.check(FAILING, STUB.receivedSms().get(0).body().substring("Code ".length())))
                .isEqualTo(new CheckResult.Approved());
    }
}
