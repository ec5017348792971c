package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.loginCode;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void retriesServerErrorsUntilAccepted() {
        server.enqueue(serverError());
        server.enqueue(serverError());
        server.enqueue(accepted("A1"));

        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(client.send(loginCode()).messageId()).isEqualTo("A1");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void stopsAtTheBoundAndReportsTheLastServerError() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(serverError());
        }

        try (KaleyraClient client = clientFor(server).build()) {
            KaleyraServerException e = catchThrowableOfType(KaleyraServerException.class,
                    () -> client.send(loginCode()));
            assertThat(e.code()).isEqualTo("WA500");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void neverRetriesAClientError() {
        server.enqueue(json(400, "{\"code\":\"E110\",\"message\":\"low\",\"error\":{\"balance\":\"low\"}}"));
        server.enqueue(accepted("never"));

        try (KaleyraClient client = clientFor(server).build()) {
            assertThatThrownBy(() -> client.send(loginCode())).isExactlyInstanceOf(LowBalanceException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAsyncSendsWithTheSameBound() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(serverError());
        }

        try (KaleyraClient client = clientFor(server).build()) {
            CompletionException e = catchThrowableOfType(CompletionException.class,
                    () -> client.sendAsync(loginCode()).join());
            assertThat(e).hasCauseExactlyInstanceOf(KaleyraServerException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void asyncRetryRecoversFromADroppedConnection() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(accepted("A2"));

        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(client.sendAsync(loginCode()).join().messageId()).isEqualTo("A2");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedWithTheAttemptCount() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        try (KaleyraClient client = clientFor(server).baseUrl("http://127.0.0.1:" + closedPort + "/").build()) {
            KaleyraTransportException e = catchThrowableOfType(KaleyraTransportException.class,
                    () -> client.send(loginCode()));
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e).hasMessageStartingWith("could not reach Kaleyra for auth1");
        }
    }

    @Test
    void aReadTimeoutIsRetriedByDefaultAndEndsInATransportException() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder(accepted("late")).headersDelay(2, TimeUnit.SECONDS).build());
        }

        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofMillis(150)).build()) {
            KaleyraTransportException e = catchThrowableOfType(KaleyraTransportException.class,
                    () -> client.send(loginCode()));
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e).hasMessageStartingWith("no answer from Kaleyra in time");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void unconfirmedSendsAreNotRetriedWhenThePolicySaysSo() {
        server.enqueue(new MockResponse.Builder(accepted("late")).headersDelay(2, TimeUnit.SECONDS).build());
        RetryPolicy once = RetryPolicy.builder().initialBackoff(Duration.ZERO).retryUnconfirmed(false).build();

        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofMillis(150)).retryPolicy(once).build()) {
            KaleyraTransportException e = catchThrowableOfType(KaleyraTransportException.class,
                    () -> client.send(loginCode()));
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(6)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(500))
                .build();

        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayMillisBefore(2)).isBetween(50L, 100L);
            assertThat(policy.delayMillisBefore(3)).isBetween(100L, 200L);
            assertThat(policy.delayMillisBefore(4)).isBetween(200L, 400L);
            assertThat(policy.delayMillisBefore(6)).isBetween(250L, 500L);
        }
        assertThat(java.util.stream.IntStream.range(0, 200).mapToLong(i -> policy.delayMillisBefore(4)).distinct().count())
                .as("jitter spreads the delays").isGreaterThan(10);
    }

    @Test
    void retryPolicyRulesAreChecked() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> RetryPolicy.builder().maxAttempts(0)).field())
                .isEqualTo("maxAttempts");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build())
                .field()).isEqualTo("maxBackoff");
    }
}
