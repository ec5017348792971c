package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.loginCode;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code retryUnconfirmed(false)} means at most one delivery; Retry-After is the wait; the deadline bounds all. */
class RetryAfterAndDeadlineTest {
    private static final RetryPolicy AT_MOST_ONCE = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).retryUnconfirmed(false).build();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @ParameterizedTest(name = "HTTP {0} without a Kaleyra code ({1})")
    @CsvSource({"500,BLOCKING", "502,BLOCKING", "503,BLOCKING", "504,BLOCKING",
        "500,ASYNC", "502,ASYNC", "503,ASYNC", "504,ASYNC"})
    void aFiveHundredThatMayHaveDeliveredIsNotRetriedWhenUnconfirmedSendsAreNot(int status, FaultsTest.Mode mode) {
        server.enqueue(new MockResponse.Builder().code(status).body("<html>gateway</html>").build());
        server.enqueue(accepted("SECOND_DELIVERY"));

        try (KaleyraClient client = clientFor(server).retryPolicy(AT_MOST_ONCE).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(KaleyraServerException.class,
                    e -> assertThat(e.httpStatus()).isEqualTo(status));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void kaleyrasOwnWa500IsStillRetriedWhenUnconfirmedSendsAreNot() {
        server.enqueue(serverError());
        server.enqueue(accepted("A2"));

        try (KaleyraClient client = clientFor(server).retryPolicy(AT_MOST_ONCE).build()) {
            assertThat(client.send(loginCode()).messageId()).isEqualTo("A2");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsStillRetriedWhenUnconfirmedSendsAreNot() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KaleyraClient client = clientFor(server).baseUrl("http://127.0.0.1:" + closedPort + "/")
                .retryPolicy(AT_MOST_ONCE).build()) {
            assertThat(FaultsTest.outcome(client, FaultsTest.Mode.BLOCKING))
                    .isInstanceOfSatisfying(KaleyraTransportException.class, e -> assertThat(e.attempts()).isEqualTo(3));
        }
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void aRetryAfterOnA503IsTheWaitBeforeTheRetry(FaultsTest.Mode mode) {
        server.enqueue(json(503, "{}").newBuilder().setHeader("Retry-After", "1").build());
        server.enqueue(accepted("A2"));

        long start = System.nanoTime();
        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(SendResult.class,
                    r -> assertThat(r.messageId()).isEqualTo("A2"));
        }
        // The policy's own backoff here is 1-2 ms: only the header can make the send take a second.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void aRetryAfterPastTheDeadlineEndsTheSendAtOnceWithTheWaitInTheException(FaultsTest.Mode mode) {
        server.enqueue(json(503, "{}").newBuilder().setHeader("Retry-After", "120").build());
        server.enqueue(accepted("TOO_LATE"));

        try (KaleyraClient client = clientFor(server).deadline(Duration.ofSeconds(5)).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(KaleyraServerException.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a429IsNotRetriedAndTellsTheCallerWhenToTryAgain() {
        server.enqueue(json(429, "{\"code\":\"RL429\",\"message\":\"slow down\"}")
                .newBuilder().setHeader("Retry-After", "7").build());
        server.enqueue(accepted("NEVER"));

        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(FaultsTest.outcome(client, FaultsTest.Mode.BLOCKING))
                    .isInstanceOfSatisfying(KaleyraApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(429);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void theDeadlineCutsTheAttemptInFlightAndStartsNoOther(FaultsTest.Mode mode) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(accepted("LATE").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
        }

        long start = System.nanoTime();
        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofSeconds(20))
                .deadline(Duration.ofMillis(700)).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(KaleyraTransportException.class,
                    e -> assertThat(e.attempts()).isEqualTo(1));
        }
        // Far below the 10 s call timeout and 20 s read timeout: only the deadline ends it.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** The retry is given only what is left of the deadline, less than any first attempt gets. */
    @ParameterizedTest
    @EnumSource(FaultsTest.Mode.class)
    void theDeadlineCutsARetryInFlight(FaultsTest.Mode mode) {
        server.enqueue(serverError().newBuilder().headersDelay(800, TimeUnit.MILLISECONDS).build());
        server.enqueue(accepted("LATE").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
        server.enqueue(accepted("NEVER"));

        long start = System.nanoTime();
        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(2)).build())
                .deadline(Duration.ofMillis(1500)).build()) {
            assertThat(FaultsTest.outcome(client, mode)).isInstanceOfSatisfying(KaleyraTransportException.class, e -> {
                assertThat(e.attempts()).isEqualTo(2);
                // Async, the deadline's own timer and the call's may end it first: either says it was time.
                assertThat(e.getMessage()).containsAnyOf("in time", "within the deadline");
            });
        }
        // The 10 s call timeout and 20 s read timeout are far off: only the deadline ends the retry.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theDefaultDeadlineIsThirtySeconds() {
        try (KaleyraClient client = MockKaleyra.offlineClient().build()) {
            assertThat(client.deadline()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    /** OkHttp starts an async call's own timeout only when the call leaves the dispatcher's queue. */
    @Test
    void theDeadlineCoversTimeQueuedBehindOtherSends() throws Exception {
        server.enqueue(accepted("SLOW").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(accepted("QUEUED"));
        Dispatcher oneAtATime = new Dispatcher();
        oneAtATime.setMaxRequests(1);
        OkHttpClient shared = new OkHttpClient.Builder().dispatcher(oneAtATime).build();
        try (KaleyraClient patient = clientFor(server).okHttpClient(shared).deadline(Duration.ofSeconds(20)).build();
                KaleyraClient hurried = clientFor(server).okHttpClient(shared).deadline(Duration.ofMillis(700)).build()) {
            CompletableFuture<SendResult> first = patient.sendAsync(loginCode());
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

            CompletableFuture<SendResult> queued = hurried.sendAsync(loginCode());

            // Ends well before the first send frees the only slot (3 s): the queued one never ran.
            assertThatThrownBy(() -> queued.get(2500, TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(KaleyraTransportException.class)
                    .hasMessageContaining("within the deadline (PT0.7S)");
            assertThat(first.get(10, TimeUnit.SECONDS).messageId()).isEqualTo("SLOW");
            assertThat(server.getRequestCount()).isEqualTo(1);
        } finally {
            shared.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        String inNinety = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));

        assertThat(RetryAfter.parse("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(inNinety, now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("99999999999", now)).isGreaterThan(Duration.ofDays(365));
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
