package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many async sends a client keeps in flight at once. */
class ConcurrencyTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        // Each answer waits a little, so that sends the client allows at once overlap at the server.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(100);
                inFlight.decrementAndGet();
                return accepted("A" + request.getExchangeIndex());
            }
        });
    }

    private int mostInFlightFor(KaleyraClient client, int sends) {
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < sends; i++) {
            futures.add(client.sendAsync(loginCode()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
        return mostInFlight.get();
    }

    @Test
    void keepsMoreThanOkHttpsDefaultOfFiveInFlight() {
        try (KaleyraClient client = clientFor(server).build()) {
            assertThat(mostInFlightFor(client, 20)).isGreaterThan(5);
        }
    }

    @Test
    void keepsNoMoreInFlightThanAskedFor() {
        try (KaleyraClient client = clientFor(server).maxConcurrentRequests(2).build()) {
            assertThat(mostInFlightFor(client, 10)).isEqualTo(2);
        }
    }

    @Test
    void leavesTheLimitOfACallersOkHttpClientToItsDispatcher() {
        OkHttpClient own = new OkHttpClient();
        try {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> clientFor(server).okHttpClient(own).maxConcurrentRequests(8).build());
            assertThat(e.field()).isEqualTo("maxConcurrentRequests");
            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> clientFor(server).maxConcurrentRequests(0)).rule()).isEqualTo("must be 1 to 1024, was 0");
        } finally {
            own.dispatcher().executorService().shutdown();
        }
    }
}
