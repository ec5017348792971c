package dev.waotp.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryListener;
import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.PostedCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * Dev mode with the callback endpoint configured: the stub inside the application posts each send's
 * callbacks to the application's own endpoint, with its credentials, and the listener hears them. The
 * port is random: the stub is made before the web server has one, and finds it at each post.
 */
@SpringBootTest(classes = DevModeCallbacksTest.DevApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waotp.dev.enabled=true",
            "waotp.callbacks.path=/waotp/callbacks",
            "waotp.callbacks.basic.username=kaleyra",
            "waotp.callbacks.basic.password=cb-pass",
            "spring.autoconfigure.exclude=dev.waotp.spring.VerifierAutoConfiguration"
        })
class DevModeCallbacksTest {
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DevApp {
        final List<DeliveryStatus> heard = Collections.synchronizedList(new ArrayList<>());

        @Bean
        DeliveryListener codeDeliveries() {
            return heard::add;
        }
    }

    @Autowired
    DevApp app;

    @Autowired
    LoginCode login;

    @Autowired
    KaleyraStub stub;

    @Test
    void theStubPostsSentThenDeliveredToTheApplicationsOwnEndpoint() {
        login.send("+919876543210", "482913");

        List<PostedCallback> posted = stub.awaitCallbacks(Duration.ofSeconds(10));

        assertThat(posted).extracting(PostedCallback::httpStatus).containsExactly(200, 200);
        assertThat(app.heard).extracting(DeliveryStatus::state)
                .containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
    }
}
