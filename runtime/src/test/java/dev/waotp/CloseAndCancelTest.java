package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.loginCode;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A closed client sends nothing; an async send the caller ended sends nothing more. */
class CloseAndCancelTest {
    /** Long enough to end the future inside the wait, short enough to see a wrong retry arrive. */
    private static final RetryPolicy SLOW_RETRY = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1200)).maxBackoff(Duration.ofMillis(1200)).build();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void afterCloseBlockingAndAsyncSendsFailAtOnceAndReachNoServer() throws Exception {
        KaleyraClient client = clientFor(server).build();
        client.close();

        assertThatThrownBy(() -> client.send(loginCode()))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> client.sendAsync(loginCode()))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(server.getRequestCount()).isZero();
        assertThat(client.toString()).endsWith(", closed}");
    }

    @Test
    void closeStopsTheOwnedDispatcherThreadsAndEmptiesThePool() throws Exception {
        server.enqueue(accepted("A1"));
        KaleyraClient client = clientFor(server).build();
        client.sendAsync(loginCode()).join();
        assertThat(client.http.connectionPool().connectionCount()).isPositive();

        client.close();

        assertThat(client.http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS))
                .as("every dispatcher thread of the client has ended").isTrue();
        assertThat(client.http.connectionPool().connectionCount()).isZero();
    }

    @Test
    void closeEndsTheThreadThatTimesBlockingSends() throws Exception {
        server.enqueue(accepted("A1"));
        KaleyraClient client = clientFor(server).build();
        client.send(loginCode());
        Thread timer = client.attemptTimer.watcherThread();
        assertThat(timer).isNotNull();

        client.close();

        timer.join(5_000);
        assertThat(timer.isAlive()).as("the attempt timer's thread has ended").isFalse();
    }

    @Test
    void closingWhileABlockingSendWaitsToRetryEndsItWithoutAnotherRequest() throws Exception {
        server.enqueue(serverError());
        server.enqueue(accepted("AFTER_CLOSE"));
        KaleyraClient client = clientFor(server).retryPolicy(SLOW_RETRY).build();

        CompletableFuture<Object> send = CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(loginCode());
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(200);
        client.close();

        assertThat(send.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<Arguments> waysToEndAFuture() {
        return Stream.of(
                Arguments.of("cancel", (Consumer<CompletableFuture<SendResult>>) f -> f.cancel(true)),
                Arguments.of("completeExceptionally",
                        (Consumer<CompletableFuture<SendResult>>) f -> f.completeExceptionally(new RuntimeException("caller gave up"))),
                Arguments.of("orTimeout",
                        (Consumer<CompletableFuture<SendResult>>) f -> f.orTimeout(1, TimeUnit.MILLISECONDS)));
    }

    @ParameterizedTest(name = "{0} while waiting to retry")
    @MethodSource("waysToEndAFuture")
    void endingTheFutureDuringTheBackoffSendsNoRetry(String how, Consumer<CompletableFuture<SendResult>> end)
            throws Exception {
        server.enqueue(serverError());
        server.enqueue(accepted("RETRY_AFTER_END"));
        try (KaleyraClient client = clientFor(server).retryPolicy(SLOW_RETRY).build()) {
            CompletableFuture<SendResult> future = client.sendAsync(loginCode());
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
            Thread.sleep(200); // the 500 is read and the retry is waiting

            end.accept(future);
            Thread.sleep(SLOW_RETRY.maxBackoff().toMillis() + 600);

            assertThat(future).isCompletedExceptionally();
            assertThat(server.getRequestCount()).as("requests after " + how).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} while in flight")
    @MethodSource("waysToEndAFuture")
    void endingTheFutureWhileInFlightCancelsTheCall(String how, Consumer<CompletableFuture<SendResult>> end)
            throws Exception {
        server.enqueue(new MockResponse.Builder(accepted("SLOW")).headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(accepted("RETRY_AFTER_END"));
        try (KaleyraClient client = clientFor(server).build()) {
            CompletableFuture<SendResult> future = client.sendAsync(loginCode());
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(client.http.dispatcher().runningCallsCount()).isEqualTo(1);

            end.accept(future);

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (client.http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(client.http.dispatcher().runningCallsCount()).as("calls running after " + how).isZero();
            Thread.sleep(300);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
