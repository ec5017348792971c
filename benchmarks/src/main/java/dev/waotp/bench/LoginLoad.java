package dev.waotp.bench;

import dev.waotp.SendResult;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisRateLimitStorage;
import dev.waotp.verify.redis.RedisVerificationStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import redis.embedded.RedisServer;

/**
 * Logins under load (issue 25): two instances of the verifier, each its own JVM with its own Lettuce client, on one
 * redis-server, each login a start (the default phone and caller limits, and the application's limit or not) then a
 * check of the right code, with a fake sender in each JVM. Prints, per number of concurrent users and with and
 * without the application-wide limit: logins/s, p50 and p99 of start and of check, Redis commands sent per login
 * ({@code GET} + {@code EVAL} + {@code EVALSHA}) and scripts run per login, and failed logins (warm-up included:
 * a start or check that threw or was refused, or a check not approved).
 *
 * <pre>java -cp benchmarks.jar dev.waotp.bench.LoginLoad [seconds per cell] [warm-up seconds]</pre>
 */
public final class LoginLoad {
    private static final int[] USERS = {16, 32, 64, 128};

    private LoginLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("instance")) {
            Instance.run(args);
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("waotp-login-load");
        RedisServer server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                .setting("dir " + dir).setting("save \"\"").setting("appendonly no").build();
        server.start();
        RedisClient admin = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try {
            RedisCommands<String, String> redis = admin.connect().sync();
            System.out.printf("two instances (JVMs) on one redis-server, %d s per row after %d s of warm-up%n", seconds, warmUp);
            System.out.println("| application limit | users | logins/s | start p50 | start p99 | check p50 | check p99"
                    + " | commands/login | scripts/login | failed |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (boolean applicationLimit : new boolean[] {true, false}) {
                for (int users : USERS) {
                    redis.flushall();
                    redis.configResetstat();
                    List<long[]> results = runInstances(port, users, seconds, warmUp, applicationLimit, dir);
                    System.out.println(row(applicationLimit, users, seconds, results, redis.info("commandstats")));
                }
            }
        } finally {
            admin.shutdown();
            server.stop();
        }
    }

    /** Starts both instances at once; each writes its figures to a file: counts, then start and check latencies. */
    private static List<long[]> runInstances(int port, int users, int seconds, int warmUp, boolean applicationLimit,
            Path dir) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            Path output = dir.resolve("instance-" + instance + ".txt");
            outputs.add(output);
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), LoginLoad.class.getName(), "instance",
                    String.valueOf(port), String.valueOf(instance), String.valueOf(users / 2), String.valueOf(seconds),
                    String.valueOf(warmUp), String.valueOf(applicationLimit), output.toString())
                    .inheritIO().start());
        }
        for (Process process : processes) {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("an instance failed");
            }
        }
        List<long[]> lines = new ArrayList<>();
        for (Path output : outputs) {
            for (String line : Files.readAllLines(output)) {
                lines.add(line.isEmpty() ? new long[0] : Arrays.stream(line.split(" ")).mapToLong(Long::parseLong).toArray());
            }
        }
        return lines;
    }

    /** Lines per instance: {logins measured, logins in all, failed in all}, start latencies (µs), check latencies (µs). */
    private static String row(boolean applicationLimit, int users, int seconds, List<long[]> lines, String stats) {
        long logins = 0;
        long all = 0;
        long failed = 0;
        List<long[]> starts = new ArrayList<>();
        List<long[]> checks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 3) {
            logins += lines.get(i)[0];
            all += lines.get(i)[1];
            failed += lines.get(i)[2];
            starts.add(lines.get(i + 1));
            checks.add(lines.get(i + 2));
        }
        long get = stat(stats, "get");
        long eval = stat(stats, "eval");
        long evalsha = stat(stats, "evalsha");
        long[] start = merged(starts);
        long[] check = merged(checks);
        return String.format("| %s | %d | %.0f | %s | %s | %s | %s | %.2f | %.2f | %d |", applicationLimit ? "on" : "off",
                users, logins / (double) seconds, ms(start, 0.5), ms(start, 0.99), ms(check, 0.5), ms(check, 0.99),
                (get + evalsha) / (double) all, (eval + evalsha) / (double) all, failed);
    }

    private static long stat(String stats, String command) {
        for (String line : stats.split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
            }
        }
        return 0;
    }

    private static long[] merged(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static String ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? "-" : String.format("%.1f ms",
                sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1000.0);
    }

    /** One instance: its own client, store, limits and verifier, {@code users} threads logging in. */
    private static final class Instance {
        static void run(String[] args) throws Exception {
            int port = Integer.parseInt(args[1]);
            int id = Integer.parseInt(args[2]);
            int users = Integer.parseInt(args[3]);
            long measured = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
            long warmUp = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
            boolean applicationLimit = Boolean.parseBoolean(args[6]);
            ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(200))).build();
            RedisClient client = RedisClient.create(resources, RedisURI.create("127.0.0.1", port));
            client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            RateLimits.Builder limits = RateLimits.builder();
            limits = applicationLimit ? limits.perApplication(100_000_000, Duration.ofHours(1)) : limits.without(RateLimit.APPLICATION);
            ThreadLocal<String> sent = new ThreadLocal<>();
            Verifier verifier = Verifier.builder().secret(new byte[32]).storeTimeout(Duration.ofSeconds(2))
                    .store(RedisVerificationStore.create(client)).rateLimitStorage(RedisRateLimitStorage.create(client))
                    .rateLimits(limits.build())
                    .sender((phone, code) -> {
                        sent.set(code);
                        return new SendResult(List.of("wamid.1"), "WA202", null);
                    }).build();
            AtomicLong counter = new AtomicLong();
            Map<String, Long> failures = new ConcurrentHashMap<>();
            long begin = System.nanoTime();
            long[][] startMicros = new long[users][];
            long[][] checkMicros = new long[users][];
            long[] measuredLogins = new long[users];
            long[] allLogins = new long[users];
            long[] failed = new long[users];
            CountDownLatch done = new CountDownLatch(users);
            for (int u = 0; u < users; u++) {
                int user = u;
                Thread thread = new Thread(() -> {
                    LongList starts = new LongList();
                    LongList checks = new LongList();
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 - begin > warmUp + measured) {
                            break;
                        }
                        String phone = String.format("+9175%d%07d", id, counter.incrementAndGet() % 10_000_000);
                        boolean ok;
                        long t1;
                        long t2;
                        try {
                            ok = verifier.start(phone, "caller " + phone) instanceof StartResult.Sent;
                            t1 = System.nanoTime();
                            ok = ok && verifier.check(phone, sent.get()) instanceof CheckResult.Approved;
                            t2 = System.nanoTime();
                        } catch (RuntimeException e) {
                            ok = false;
                            t1 = t2 = System.nanoTime();
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                        }
                        allLogins[user]++;
                        if (!ok) {
                            failed[user]++;
                        }
                        if (t0 - begin >= warmUp) {
                            measuredLogins[user]++;
                            starts.add((t1 - t0) / 1000);
                            checks.add((t2 - t1) / 1000);
                        }
                    }
                    startMicros[user] = starts.toArray();
                    checkMicros[user] = checks.toArray();
                    done.countDown();
                });
                thread.start();
            }
            done.await();
            failures.forEach((failure, count) -> System.out.printf("  instance %d, %d users: %d x %s%n", id, users,
                    count, failure));
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[7])))) {
                out.println(Arrays.stream(measuredLogins).sum() + " " + Arrays.stream(allLogins).sum() + " "
                        + Arrays.stream(failed).sum());
                out.println(join(startMicros));
                out.println(join(checkMicros));
            }
            client.shutdown();
            resources.shutdown();
            System.exit(0);
        }

        private static String join(long[][] parts) {
            StringBuilder line = new StringBuilder();
            for (long[] part : parts) {
                for (long value : part) {
                    line.append(line.length() == 0 ? "" : " ").append(value);
                }
            }
            return line.toString();
        }
    }

    /** A growable list of longs, so a run of a million logins does not box them. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
