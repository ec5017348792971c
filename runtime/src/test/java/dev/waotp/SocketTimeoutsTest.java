package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.FaultsTest.Mode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read and write timeouts are set on the socket only when they can end an attempt before its call
 * timeout does; otherwise the call timeout alone bounds the attempt, and Okio's watchdog is not woken
 * for every read and write (docs/BENCHMARKS.md, issue 20).
 */
class SocketTimeoutsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void timeoutsNoShorterThanTheCallTimeoutAreLeftToIt() {
        try (KaleyraClient defaults = clientFor(server).build();
                KaleyraClient longer = clientFor(server).callTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofSeconds(5)).writeTimeout(Duration.ofSeconds(2)).build()) {
            for (KaleyraClient client : new KaleyraClient[] {defaults, longer}) {
                assertThat(client.http.readTimeoutMillis()).isZero();
                assertThat(client.http.writeTimeoutMillis()).isZero();
                assertThat(client.http.callTimeoutMillis()).isPositive();
            }
        }
    }

    @Test
    void timeoutsShorterThanTheCallTimeoutStayOnTheSocket() {
        try (KaleyraClient client = clientFor(server).callTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMillis(700)).writeTimeout(Duration.ofMillis(900)).build()) {
            assertThat(client.http.readTimeoutMillis()).isEqualTo(700);
            assertThat(client.http.writeTimeoutMillis()).isEqualTo(900);
        }
    }

    /** The read timeout, shorter, ends each attempt long before the call timeout or the server would. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aShorterReadTimeoutStillEndsTheAttemptFirst(Mode mode) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(accepted("LATE").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
        }
        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofSeconds(8)).build()) {
            long start = System.nanoTime();

            Object outcome = FaultsTest.outcome(client, mode);

            assertThat(outcome).isInstanceOfSatisfying(KaleyraTransportException.class,
                    e -> assertThat(e.attempts()).isEqualTo(3));
            // Three attempts of 200 ms; the call timeout would have taken 24 s, the server 15 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** With the read timeout left to the call timeout, a 202 whose body stalls still ends as a result, once. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aStalledAcceptedBodyIsCutByTheCallTimeoutAlone(Mode mode) {
        server.enqueue(accepted("LATE").newBuilder().bodyDelay(5, TimeUnit.SECONDS).build());
        server.enqueue(accepted("NEVER_REACHED"));
        try (KaleyraClient client = clientFor(server).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofMillis(400)).build()) {
            long start = System.nanoTime();

            Object outcome = FaultsTest.outcome(client, mode);

            assertThat(outcome).isInstanceOfSatisfying(SendResult.class,
                    result -> assertThat(result.messageIdKnown()).isFalse());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
