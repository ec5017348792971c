package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application-wide limit is one Redis key that every start asks. Two instances (each its own client) on one
 * server, many threads each: no start fails, and the scripts Redis runs per start ({@code EVAL} and {@code EVALSHA},
 * read from {@code INFO commandstats}) stay at most 4 whatever the concurrency. Before, starts that collided on that
 * key asked it again and again: 10.8 {@code EVAL} per start at 64 users and 29.3 at 128 in the load test.
 */
class RedisHotKeyTest {
    private static final int STARTS_PER_THREAD = 15;

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {16, 64, 128})
    void startsOnTwoInstancesRunAtMostFourScriptsEachAndNoneFails(int threads) throws Exception {
        RedisCommands<String, String> admin = REDIS.client().connect().sync();
        admin.flushall();
        List<Verifier> instances = List.of(instance(), instance());
        // Loads the scripts and creates the application's bucket, so that only the starts below are counted.
        instances.forEach(verifier -> verifier.start("+917300000000", "warm-up " + verifier.hashCode()));
        admin.configResetstat();

        Map<String, Integer> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Verifier verifier = instances.get(t % 2);
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < STARTS_PER_THREAD; i++) {
                    String phone = String.format("+9172%04d%04d", thread, i);
                    try {
                        StartResult result = verifier.start(phone, "caller " + phone);
                        if (!(result instanceof StartResult.Sent)) {
                            refused.merge(result.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    } catch (RuntimeException e) {
                        refused.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> thread : done) {
            thread.get();
        }
        pool.shutdown();

        int starts = threads * STARTS_PER_THREAD;
        Map<String, Long> stats = commandStats(admin);
        double scripts = (stats.getOrDefault("eval", 0L) + stats.getOrDefault("evalsha", 0L)) / (double) starts;
        // Each Bucket4j compare-and-swap script runs one GET inside it; the others were sent: GET sent + EVAL + EVALSHA.
        double roundTrips = (stats.getOrDefault("get", 0L) + stats.getOrDefault("evalsha", 0L)) / (double) starts;
        System.out.printf("%d threads on 2 instances, %d starts: %.2f scripts (EVAL, EVALSHA) and %.2f commands sent"
                + " per start; refused or failed: %s%n", threads, starts, scripts, roundTrips, refused);
        assertThat(refused).as("starts refused or failed").isEmpty();
        assertThat(scripts).as("scripts per start").isLessThanOrEqualTo(4.0);
    }

    /** One instance of the application: its own client, store and limits, the default limits but a large cap. */
    private static Verifier instance() {
        return Verifier.builder().secret(new byte[32]).storeTimeout(Duration.ofSeconds(2))
                .store(RedisVerificationStore.create(REDIS.newClient()))
                .rateLimitStorage(RedisRateLimitStorage.create(REDIS.newClient()))
                .rateLimits(RateLimits.builder().perApplication(1_000_000, Duration.ofHours(1)).build())
                .sender((phone, code) -> new SendResult(List.of("wamid.1"), "WA202", null))
                .build();
    }

    /** Calls per command since the last reset. */
    private static Map<String, Long> commandStats(RedisCommands<String, String> admin) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : admin.info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + "calls=".length(), line.indexOf(','));
                calls.put(command, Long.parseLong(count));
            }
        }
        return calls;
    }
}
