package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Back within 2 s of Redis's return after a 60 s outage (the 10 s one is {@link RedisShutdownUnderLoadTest}), on a
 * client set up as the starter sets one up: commands rejected while disconnected, a try to reconnect every 200 ms
 * ({@link RedisTestServer#newClient()}). Lettuce's default delay doubles up to 30 s, so its next try could come 30 s
 * after Redis is back. Prints the seconds to the first success and to full throughput (90% of the rate before the
 * outage, or of what the load offers if less), and asserts only the first, with the bound.
 */
class RedisRecoveryTest {
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private final Map<String, String> codes = new ConcurrentHashMap<>();

    @Test
    void servesAgainWithinTwoSecondsOfRedisReturningAfterSixtySeconds() throws InterruptedException {
        List<String> checked = IntStream.range(0, 20_000).mapToObj(i -> String.format("+9171%08d", i)).toList();
        try (RedisTestServer redis = RedisTestServer.start(); OutageLoad load = new OutageLoad()) {
            RedisClient client = redis.newClient();
            Verifier verifier = Verifier.builder().secret(SECRET).storeTimeout(Duration.ofSeconds(2))
                    .store(RedisVerificationStore.create(client)).rateLimitStorage(RedisRateLimitStorage.create(client))
                    .rateLimits(RateLimits.none()).sender((phone, code) -> {
                        codes.put(phone, code);
                        return new SendResult(List.of("wamid.1"), "WA202", null);
                    }).build();
            // A start then a check for each phone, until the test has its figures.
            load.lane("login", checked, phone -> {
                if (!(verifier.start(phone, "caller") instanceof StartResult.Sent)) {
                    return "start refused";
                }
                CheckResult result = verifier.check(phone, codes.get(phone));
                return result instanceof CheckResult.Approved ? null : result.toString();
            });
            load.start();
            Thread.sleep(1500);
            long shutdown = System.nanoTime();
            double before = load.successRate(shutdown - TimeUnit.SECONDS.toNanos(1), shutdown);
            redis.shutdownSaving();
            Thread.sleep(OUTAGE.toMillis());
            redis.restart();
            long back = System.nanoTime();
            Thread.sleep(4000);

            Duration first = load.firstSuccessAfter(back).orElseThrow(() -> new AssertionError("no success after"));
            Duration full = load.fullThroughputAfter(back, Math.min(before, load.offeredRate())).orElse(null);
            System.out.printf("60 s SHUTDOWN SAVE: %.0f logins/s before; after Redis was back, first success %.3f s,"
                    + " full throughput %s%n", before, first.toMillis() / 1000.0,
                    full == null ? "not within 4 s" : String.format("%.3f s", full.toMillis() / 1000.0));
            assertThat(first).as("first success after Redis is back").isLessThan(Duration.ofSeconds(2));
        }
    }
}
