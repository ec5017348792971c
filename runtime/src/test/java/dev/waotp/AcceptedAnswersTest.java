package dev.waotp;

import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Kaleyra accepted is a success: any 2xx is a {@link SendResult}, never retried, with every
 * message id the answer holds. Clients retry fast here, so a wrong retry would show in the counts.
 */
class AcceptedAnswersTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private KaleyraClient client;

    @BeforeEach
    void start() throws Exception {
        client = clientFor(server).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void wa200FromTheErrorCodePageIsASuccessToo(FaultsTest.Mode mode) {
        server.enqueue(json(200, "{\"code\":\"WA200\",\"message\":\"Success\",\"data\":{\"message_id\":\"B1\"}}"));

        assertThat(FaultsTest.outcome(client, mode))
                .isEqualTo(new SendResult(List.of("B1"), "WA200", "Success"));
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void anAcceptedAnswerWithoutAMessageIdSaysTheIdIsUnknownAndIsNotRetried(FaultsTest.Mode mode) {
        server.enqueue(json(202, "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{},\"error\":{}}"));
        server.enqueue(new MockResponse.Builder().code(202).build());
        server.enqueue(json(202, "<html>accepted</html>"));

        for (int i = 0; i < 3; i++) {
            SendResult result = (SendResult) FaultsTest.outcome(client, mode);
            assertThat(result.messageIdKnown()).isFalse();
            assertThat(result.messageId()).isNull();
            assertThat(result.messageIds()).isEmpty();
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void keepsEveryMessageIdOfSeveralRecipientsInOrder() {
        server.enqueue(json(202, "{\"code\":\"WA202\",\"message\":\"Request Accepted\","
                + "\"data\":[{\"message_id\":\"M1\"},{\"message_id\":\"M2\"},{\"message_id\":\"M3\"}],\"error\":{}}"));

        SendResult result = client.send(AuthMessage.builder(MockKaleyra.AUTH1)
                .to("+919876543210,+14155550123,+447700900123").otp("482913").build());

        assertThat(result.messageIds()).containsExactly("M1", "M2", "M3");
        assertThat(result.messageId()).isEqualTo("M1");
        assertThat(result.messageIdKnown()).isTrue();
    }

    @Test
    void keepsTheIdsThatAreThereWhenSomeElementsHaveNone() {
        server.enqueue(json(202, "{\"code\":\"WA202\",\"data\":[{\"message_id\":\"M1\"},{},{\"message_id\":\"M3\"}]}"));

        assertThat(client.send(loginCode()).messageIds()).containsExactly("M1", "M3");
    }

    /** Jackson 3 refuses what follows a JSON value by default; the answer was read before it, and still is. */
    @Test
    void whatFollowsTheAnswerIsNotReadAndItsIdIsKept() {
        server.enqueue(json(202, "{\"code\":\"WA202\",\"data\":{\"message_id\":\"M1\"}}\n<!-- proxy 7f3a -->"));

        assertThat(client.send(loginCode())).isEqualTo(new SendResult(List.of("M1"), "WA202", null));
    }

    @Test
    void theDailyLimitIsItsOwnTypeAndNeverRetriedWhateverTheStatus() {
        server.enqueue(json(500, "{\"code\":\"WAV2101\",\"message\":\"limit\",\"data\":{},\"error\":{}}"));
        server.enqueue(json(500, "{\"code\":\"WAV2101\",\"message\":\"limit\",\"data\":{},\"error\":{}}"));

        for (FaultsTest.Mode mode : FaultsTest.Mode.values()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(DailyLimitReachedException.class,
                    e -> assertThat(e.code()).isEqualTo("WAV2101"));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
