package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The listener hears each send once, after its last attempt, and cannot break it. */
class SendListenerTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final SendListener recording = new SendListener() {
        @Override
        public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
            heard.add("sent " + template.name() + " " + result.messageId());
        }

        @Override
        public void failed(TemplateSpec template, KaleyraException error, Duration elapsed) {
            heard.add("failed " + template.name() + " " + error.getClass().getSimpleName());
        }
    };

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void hearsOneSuccessAfterTheRetriesAndOneFailureAfterTheLastAttempt(FaultsTest.Mode mode) {
        server.enqueue(serverError());
        server.enqueue(accepted("A1"));
        for (int i = 0; i < 3; i++) {
            server.enqueue(serverError());
        }

        try (KaleyraClient client = clientFor(server).listener(recording).build()) {
            FaultsTest.outcome(client, mode);
            FaultsTest.outcome(client, mode);
        }

        assertThat(heard).containsExactly("sent auth1 A1", "failed auth1 KaleyraServerException");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void aListenerThatThrowsChangesNothing(FaultsTest.Mode mode) {
        server.enqueue(accepted("A1"));
        SendListener broken = new SendListener() {
            @Override
            public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
                throw new IllegalStateException("metrics backend down");
            }
        };

        try (KaleyraClient client = clientFor(server).listener(broken).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(SendResult.class,
                    r -> assertThat(r.messageId()).isEqualTo("A1"));
        }
    }
}
