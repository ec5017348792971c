package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.loginCode;
import static dev.waotp.MockKaleyra.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way the server side can go wrong ends, blocking or async, in a {@link SendResult} or a typed
 * {@link KaleyraException} within a bound: never a hang, never a raw library exception, never a success
 * that Kaleyra did not confirm. Retries stop at the policy's bound (3 here); a 4xx is sent once.
 */
class FaultsTest {
    /** Far above the worst case here (3 attempts of a 1 s call timeout), so a hang fails instead of waiting. */
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    enum Mode { BLOCKING, ASYNC }

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private KaleyraClient client;

    @BeforeEach
    void start() throws Exception {
        client = clientFor(server).readTimeout(READ_TIMEOUT).callTimeout(CALL_TIMEOUT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** One way the server misbehaves: what it answers, what the caller must get, how many requests arrive. */
    record Scenario(String name, List<MockResponse> answers, Class<?> outcome, int requests) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<MockResponse> times(int n, MockResponse answer) {
        List<MockResponse> answers = new ArrayList<>(Collections.nCopies(n, answer));
        answers.add(accepted("NEVER_REACHED")); // a retry past the bound would turn into a success
        return answers;
    }

    private static MockResponse raw(int status, String contentType, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build();
    }

    static Stream<Scenario> scenarios() {
        String acceptedBody = "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"A1\"},\"error\":{}}";
        return Stream.of(
                new Scenario("WA500 twice, then accepted",
                        List.of(serverError(), serverError(), accepted("A1")), SendResult.class, 3),
                new Scenario("WA500 burst past the bound", times(3, serverError()), KaleyraServerException.class, 3),
                new Scenario("503 with an HTML body", times(3, raw(503, "text/html", "<h1>Service Unavailable</h1>")),
                        KaleyraServerException.class, 3),
                new Scenario("500 with an empty body", times(3, new MockResponse.Builder().code(500).build()),
                        KaleyraServerException.class, 3),
                new Scenario("503 with Retry-After: 0",
                        times(3, serverError().newBuilder().code(503).setHeader("Retry-After", "0").build()),
                        KaleyraServerException.class, 3),
                new Scenario("answer slower than the read timeout",
                        times(3, accepted("LATE").newBuilder().headersDelay(2, TimeUnit.SECONDS).build()),
                        KaleyraTransportException.class, 3),
                // The 202 came: Kaleyra took it, however its body ends. A retry would send a second code.
                new Scenario("202 whose body stalls after the headers",
                        times(1, accepted("LATE").newBuilder().bodyDelay(2, TimeUnit.SECONDS).build()),
                        SendResult.class, 1),
                new Scenario("connection dropped before the answer",
                        times(3, new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build()),
                        KaleyraTransportException.class, 3),
                new Scenario("202 whose connection drops in the middle of the body",
                        times(1, accepted("CUT").newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build()),
                        SendResult.class, 1),
                new Scenario("400 whose connection drops in the middle of the body",
                        times(1, json(400, "{\"code\":\"WA400\",\"message\":\"Refer to correct payload format\"}")
                                .newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build()),
                        KaleyraApiException.class, 1),
                new Scenario("202 with an empty body", times(1, new MockResponse.Builder().code(202).build()),
                        SendResult.class, 1),
                new Scenario("202 with truncated JSON",
                        times(1, json(202, acceptedBody.substring(0, acceptedBody.length() / 2))),
                        SendResult.class, 1),
                new Scenario("202 with a JSON array", times(1, json(202, "[" + acceptedBody + "]")),
                        SendResult.class, 1),
                new Scenario("202 with a JSON string", times(1, json(202, "\"A1\"")), SendResult.class, 1),
                new Scenario("202 whose message_id is a number",
                        times(1, json(202, acceptedBody.replace("\"A1\"", "42"))), SendResult.class, 1),
                new Scenario("202 whose message_id is empty",
                        times(1, json(202, acceptedBody.replace("\"A1\"", "\"\""))), SendResult.class, 1),
                new Scenario("202 whose code is an object",
                        times(1, json(202, acceptedBody.replace("\"WA202\"", "{}"))), SendResult.class, 1),
                new Scenario("202 nested 5000 levels deep",
                        times(1, json(202, "[".repeat(5000) + "]".repeat(5000))), SendResult.class, 1),
                new Scenario("200 with binary garbage",
                        times(1, raw(200, "application/octet-stream", "\u0000\u00ff\ufffd{\"code\"")),
                        SendResult.class, 1),
                new Scenario("204 No Content", times(1, new MockResponse.Builder().code(204).build()),
                        SendResult.class, 1));
    }

    static Stream<Arguments> scenariosInBothModes() {
        return scenarios().flatMap(s -> Stream.of(Mode.values()).map(m -> Arguments.of(s, m)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("scenariosInBothModes")
    void everyFaultEndsInAResultOrATypedException(Scenario scenario, Mode mode) {
        scenario.answers().forEach(server::enqueue);

        Object outcome = outcome(client, mode);

        assertThat(outcome).as(scenario.name()).isInstanceOf(scenario.outcome());
        assertThat(server.getRequestCount()).as("requests for " + scenario.name()).isEqualTo(scenario.requests());
    }

    @ParameterizedTest(name = "HTTP {0} is sent once")
    @ValueSource(ints = {400, 401, 403, 404, 405, 408, 409, 413, 415, 421, 422, 429, 451, 499})
    void aClientErrorIsSentOnceWhateverItsStatus(int status) {
        for (Mode mode : Mode.values()) {
            // Nothing queued behind it: a retry would find no answer and fail the request count below.
            server.enqueue(json(status, "{\"code\":\"X" + status + "\",\"message\":\"no\",\"data\":{},\"error\":{}}"));

            assertThat(outcome(client, mode)).isInstanceOfSatisfying(KaleyraApiException.class,
                    e -> assertThat(e.httpStatus()).isEqualTo(status));
        }
        assertThat(server.getRequestCount()).isEqualTo(Mode.values().length);
    }

    /**
     * OkHttp follows redirects by default and only strips {@code Authorization} on the way: the
     * {@code api-key} header and the OTP in a 307's re-posted body would go wherever Kaleyra (or anyone
     * who can answer in its name) points, plain http included.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectIsAnErrorAndIsNotFollowed(Mode mode) throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(accepted("FOLLOWED"));
            for (int code : new int[] {301, 302, 303, 307, 308}) {
                server.enqueue(new MockResponse.Builder().code(code)
                        .setHeader("Location", elsewhere.url("/steal").toString()).build());

                Object outcome = outcome(client, mode);

                assertThat(outcome).isInstanceOfSatisfying(KaleyraApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(code));
            }
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theCallTimeoutBoundsEachAttemptEvenWhenReadsAreQuick(Mode mode) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(accepted("LATE").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        }
        try (KaleyraClient patientReads = clientFor(server)
                .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofMillis(400)).build()) {
            assertThat(outcome(patientReads, mode)).isInstanceOfSatisfying(KaleyraTransportException.class,
                    e -> assertThat(e.attempts()).isEqualTo(3));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionWithRetriesOffIsReportedAtOnce() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KaleyraClient nowhere = clientFor(server).baseUrl("http://127.0.0.1:" + closedPort + "/")
                .retryPolicy(RetryPolicy.none()).build()) {
            for (Mode mode : Mode.values()) {
                assertThat(outcome(nowhere, mode)).isInstanceOfSatisfying(KaleyraTransportException.class,
                        e -> assertThat(e.attempts()).isEqualTo(1));
            }
        }
    }

    /** Sends {@link MockKaleyra#loginCode()} and returns the result or the exception, failing on anything else. */
    static Object outcome(KaleyraClient client, Mode mode) {
        long start = System.nanoTime();
        Object outcome;
        if (mode == Mode.BLOCKING) {
            // The blocking call runs on this thread, so a hang is caught by running it on another.
            var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return (Object) client.send(loginCode());
                } catch (Throwable t) {
                    return t;
                }
            });
            outcome = await(future);
        } else {
            var future = client.sendAsync(loginCode());
            try {
                outcome = await(future);
            } catch (AssertionError hang) {
                future.cancel(true);
                throw hang;
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG);
        if (outcome instanceof Throwable t && !(t instanceof KaleyraException)) {
            throw new AssertionError("a raw exception escaped: " + t, t);
        }
        return outcome;
    }

    private static Object await(java.util.concurrent.Future<?> future) {
        try {
            return future.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("no outcome within " + HANG + ": the send hangs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
