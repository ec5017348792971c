package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraException;
import dev.waotp.RetryPolicy;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many async sends at once, some meeting faults: every send is accounted for exactly once, the stub
 * receives each accepted message exactly once, and nothing is left running afterwards. Figures go to
 * stdout for docs/RELIABILITY.md; timing is never asserted.
 */
class LoadTest {
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");
    private static final int IN_FLIGHT = 64;
    private static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(10)).build();
    /** Send deadline per message, and the whole run's: fail rather than hang. */
    private static final Duration PER_SEND = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(150);

    /** The outcome of one load run. */
    record Run(int sends, Set<String> acceptedIds, int failures, long elapsedMillis) {}

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void tenThousandAsyncSendsWithFaultsAreEachAccountedForOnce() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        // Our own OkHttpClient, so that its connection pool can be watched; it lets 64 calls run at once.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(IN_FLIGHT);
        dispatcher.setMaxRequestsPerHost(IN_FLIGHT);
        ConnectionPool pool = new ConnectionPool();
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(pool).build();
        int faults;
        Run run;
        try (KaleyraStub stub = KaleyraStub.start()) {
            try (KaleyraClient client = stub.clientBuilder().okHttpClient(http).retryPolicy(QUICK_RETRIES).build()) {
                AtomicInteger injected = new AtomicInteger();
                run = load(client, 10_000, i -> {
                    // 1 send in 50 meets a WA500, 1 in 97 a dropped connection: both retried, neither delivered.
                    if (i % 50 == 0) {
                        stub.failNext(1, Fault.serverError());
                        injected.incrementAndGet();
                    } else if (i % 97 == 0) {
                        stub.failNext(1, Fault.dropConnection());
                        injected.incrementAndGet();
                    }
                });
                faults = injected.get();
            }
            // Every response was closed: no connection is still held by a call.
            assertThat(pool.connectionCount()).isLessThanOrEqualTo(IN_FLIGHT);
            assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());

            assertThat(run.acceptedIds().size() + run.failures()).isEqualTo(run.sends());
            assertThat(stub.received()).extracting(ReceivedMessage::messageId)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(run.acceptedIds());
            // Each fault took one request; every other request was a delivery.
            assertThat(stub.requestCount()).isEqualTo(stub.received().size() + faults);
            System.out.printf("LOAD sends=%d inFlight=%d faultsInjected=%d accepted=%d failed=%d requests=%d"
                            + " elapsedMs=%d sendsPerSecond=%.0f connections=%d%n",
                    run.sends(), IN_FLIGHT, faults, run.acceptedIds().size(), run.failures(), stub.requestCount(),
                    run.elapsedMillis(), run.sends() * 1000.0 / run.elapsedMillis(), pool.connectionCount());
        } finally {
            // This OkHttpClient is ours, not the KaleyraClient's: we close it.
            dispatcher.executorService().shutdown();
            pool.evictAll();
        }
        assertNoThreadsLeftBehind(before);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closingAClientThatOwnsItsHttpClientLeavesNoThreadsBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (KaleyraStub stub = KaleyraStub.start()) {
            Run run;
            try (KaleyraClient client = stub.clientBuilder().retryPolicy(QUICK_RETRIES).build()) {
                run = load(client, 1_000, i -> { });
            }
            assertThat(run.acceptedIds()).hasSize(run.sends());
            assertThat(stub.received()).hasSize(run.sends());
        }
        assertNoThreadsLeftBehind(before);
    }

    private interface BeforeSend {
        void accept(int index);
    }

    /** Sends {@code sends} messages with at most {@link #IN_FLIGHT} unanswered at once. */
    private static Run load(KaleyraClient client, int sends, BeforeSend beforeSend) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicIntegerArray completions = new AtomicIntegerArray(sends);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentHashMap<String, Throwable> unexpected = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + RUN.toNanos();
        long start = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            long left = deadline - System.nanoTime();
            assertThat(slots.tryAcquire(left, TimeUnit.NANOSECONDS)).as("a slot before the deadline").isTrue();
            beforeSend.accept(i);
            int index = i;
            CompletableFuture<SendResult> future = client.sendAsync(message(i))
                    .orTimeout(PER_SEND.toMillis(), TimeUnit.MILLISECONDS);
            future.whenComplete((result, error) -> {
                completions.incrementAndGet(index);
                if (error == null) {
                    if (!accepted.add(result.messageId())) {
                        unexpected.put("duplicate id " + result.messageId(), new IllegalStateException());
                    }
                } else {
                    failures.incrementAndGet();
                    Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                    if (!(cause instanceof KaleyraException)) {
                        unexpected.put("send " + index, cause);
                    }
                }
                slots.release();
            });
        }
        long left = deadline - System.nanoTime();
        assertThat(slots.tryAcquire(IN_FLIGHT, left, TimeUnit.NANOSECONDS)).as("all sends done before the deadline").isTrue();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(unexpected).as("failures that are not a KaleyraException, or duplicate ids").isEmpty();
        for (int i = 0; i < sends; i++) {
            assertThat(completions.get(i)).as("completions of send %d", i).isEqualTo(1);
        }
        return new Run(sends, Set.copyOf(accepted), failures.get(), elapsed);
    }

    private static AuthMessage message(int i) {
        return AuthMessage.builder(AUTH1).to("+9198765" + String.format("%05d", i % 100_000))
                .otp(String.valueOf(100_000 + i)).ref("load-" + i).build();
    }

    /**
     * Threads started during the test are gone after a short settle. Not counted: JDK-wide pools that
     * outlive any library by design (the common fork-join pool, CompletableFuture's delay scheduler) and
     * the two JVM-wide daemons OkHttp and Okio share between all clients ("OkHttp TaskRunner", "Okio
     * Watchdog"), which end by themselves after 60 s idle; those must be daemons, so they never keep the
     * JVM alive.
     */
    private static void assertNoThreadsLeftBehind(Set<Thread> before) throws InterruptedException {
        Set<String> shared = Set.of("ForkJoinPool.commonPool", "CompletableFutureDelayScheduler",
                "OkHttp TaskRunner", "Okio Watchdog");
        Set<Thread> left = Set.of();
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < settle) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .collect(Collectors.toSet());
            if (left.stream().allMatch(t -> shared.stream().anyMatch(t.getName()::startsWith))) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.println("LOAD threadsLeftAfterClose="
                + left.stream().map(Thread::getName).sorted().collect(Collectors.toList()));
        assertThat(left).as("threads still alive after close")
                .allMatch(t -> shared.stream().anyMatch(t.getName()::startsWith), "is a JVM-wide shared thread")
                .allMatch(Thread::isDaemon, "is a daemon");
    }
}
