package dev.waotp.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.spring.StubProperties;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisTestServer;
import dev.waotp.verify.redis.RedisVerificationStore;
import dev.waotp.verify.spi.VerificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application as a user writes one: the starter, properties, and {@code @Autowired}
 * senders and verifier, sending to the embedded stub and keeping codes in a real redis-server.
 */
@SpringBootTest(classes = SpringBootApplicationTest.DemoApplication.class)
@DirtiesContext
class SpringBootApplicationTest {
    private static final String PHONE = "+447700900777";
    private static final KaleyraStub STUB = KaleyraStub.start();
    private static final RedisTestServer REDIS = RedisTestServer.start();

    @SpringBootApplication
    static class DemoApplication {}

    @Autowired
    LoginCode login;

    @Autowired
    Verifier verifier;

    @Autowired
    VerificationStore store;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        StubProperties.register(properties, STUB);
        properties.add("waotp.verify.secret", () -> "an application secret of at least 32 bytes");
        properties.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stop() {
        STUB.close();
        REDIS.close();
    }

    @Test
    void sendsAndVerifiesThroughInjectedBeansAndCountsBoth() {
        SendResult sent = login.send(PHONE, "482913");
        assertThat(STUB.received()).extracting(ReceivedMessage::messageId).contains(sent.messageId());

        assertThat(verifier.start(PHONE, "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
        List<ReceivedMessage> received = STUB.received();
        String code = received.get(received.size() - 1).otp();
        assertThat(verifier.check(PHONE, code)).isInstanceOf(CheckResult.Approved.class);

        assertThat(store).isInstanceOf(RedisVerificationStore.class);
        assertThat(registry.get("waotp.sends").tags("template", "auth1", "outcome", "sent").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("waotp.send").tags("template", "auth1").timer().count()).isEqualTo(2);
        assertThat(registry.get("waotp.verify.starts").tag("outcome", "sent").counter().count()).isEqualTo(1);
        assertThat(registry.get("waotp.verify.checks").tag("outcome", "approved").counter().count()).isEqualTo(1);
    }
}
