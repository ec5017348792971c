package dev.waotp.bench;

import dev.waotp.verify.Channel;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.InMemoryVerificationStore;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.redis.RedisVerificationStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import redis.embedded.RedisServer;

/**
 * One verification {@code check}, with 1 and with 32 threads: on the Redis store (one EVALSHA of the check script),
 * a raw Lettuce EVALSHA of a trivial script on the same server and the same kind of connection (the baseline: one
 * round trip, no work), and the in-memory store.
 *
 * <p>Every check is a wrong code under limits no run reaches, so each one counts an attempt and a failure and
 * compares, as a real check does, and none consumes its verification or locks its key. Checks go round {@value #PHONES} phones started in set-up.
 * The Redis server is a real {@code redis-server}, the binary embedded-redis ships, on loopback in its own process;
 * the store and the baseline share one Lettuce client, each with its one connection, as an application would.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreCheckBenchmark {
    private static final int PHONES = 1024;
    private static final String PURPOSE = "bench";
    private static final StartRules RULES = new StartRules(Duration.ofHours(1), Duration.ZERO, 1);
    /** No run reaches either limit, so every check counts an attempt and a failure and none locks the key. */
    private static final CheckRules CHECK_RULES =
            new CheckRules(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final byte[] WRONG = new byte[32];
    private static final List<byte[]> WRONG_CANDIDATES = List.of(WRONG);
    private static final String TRIVIAL_SCRIPT = "return 1";
    private static final byte[] MAX = Integer.toString(Integer.MAX_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIFTEEN_MINUTES =
            Long.toString(Duration.ofMinutes(15).toMillis()).getBytes(StandardCharsets.US_ASCII);

    private final VerificationKey[] verificationKeys = new VerificationKey[PHONES];
    private final byte[][] keys = new byte[PHONES][];
    private Path dir;
    private RedisServer server;
    private RedisClient client;
    private RedisVerificationStore redisStore;
    private InMemoryVerificationStore memoryStore;
    private RedisCommands<byte[], byte[]> raw;
    private String trivialSha;
    private String checkSha;
    private final byte[][] storeKeys = new byte[PHONES][];

    @Setup(Level.Trial)
    public void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        dir = Files.createTempDirectory("waotp-bench-redis");
        server = RedisServer.newRedisServer().port(port)
                .setting("dir " + dir).setting("save \"\"").setting("appendonly no").build();
        server.start();
        client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        redisStore = RedisVerificationStore.create(client);
        memoryStore = new InMemoryVerificationStore();
        raw = client.connect(ByteArrayCodec.INSTANCE).sync();
        trivialSha = raw.scriptLoad(TRIVIAL_SCRIPT);
        checkSha = raw.scriptLoad(checkScript());

        Instant now = Instant.now();
        for (int i = 0; i < PHONES; i++) {
            String phone = "+91987" + (1_000_000 + i);
            verificationKeys[i] = new VerificationKey(PURPOSE, phone);
            keys[i] = ("bench:{" + phone + "}").getBytes(StandardCharsets.UTF_8);
            storeKeys[i] = ("waotp:verify:" + PURPOSE + ":{" + phone + "}").getBytes(StandardCharsets.UTF_8);
            byte[] code = new byte[32];
            Arrays.fill(code, (byte) (1 + i % 255));
            NewCode sent = new NewCode(code, "bench-" + i, Channel.WHATSAPP);
            redisStore.start(verificationKeys[i], sent, now, RULES);
            memoryStore.start(verificationKeys[i], sent, now, RULES);
        }
        for (VerificationStore store : new VerificationStore[] {redisStore, memoryStore}) {
            if (!(check(store, 0) instanceof CheckResult.WrongCode)) {
                throw new IllegalStateException(store + " did not answer a wrong code");
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        redisStore.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.stop();
        Files.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public CheckResult redisCheck_1(Cursor cursor) {
        return check(redisStore, cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public CheckResult redisCheck_32(Cursor cursor) {
        return check(redisStore, cursor.next++);
    }

    @Benchmark
    @Threads(1)
    public Long rawEvalsha_1(Cursor cursor) {
        return rawEvalsha(cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public Long rawEvalsha_32(Cursor cursor) {
        return rawEvalsha(cursor.next++);
    }

    /** The store's own check script, sent with raw Lettuce: splits the gap into script work and client work. */
    @Benchmark
    @Threads(1)
    public List<Object> rawCheckScript_1(Cursor cursor) {
        return rawCheckScript(cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public List<Object> rawCheckScript_32(Cursor cursor) {
        return rawCheckScript(cursor.next++);
    }

    @Benchmark
    @Threads(1)
    public CheckResult inMemoryCheck_1(Cursor cursor) {
        return check(memoryStore, cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public CheckResult inMemoryCheck_32(Cursor cursor) {
        return check(memoryStore, cursor.next++);
    }

    private CheckResult check(VerificationStore store, int n) {
        return store.check(verificationKeys[Math.floorMod(n, PHONES)], WRONG_CANDIDATES, Instant.now(), CHECK_RULES);
    }

    private List<Object> rawCheckScript(int n) {
        return raw.evalsha(checkSha, ScriptOutputType.MULTI, new byte[][] {storeKeys[Math.floorMod(n, PHONES)]},
                Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII),
                MAX, MAX, FIFTEEN_MINUTES, FIFTEEN_MINUTES, WRONG);
    }

    private static byte[] checkScript() throws IOException {
        try (InputStream in = RedisVerificationStore.class.getResourceAsStream("check.lua")) {
            if (in == null) {
                throw new IllegalStateException("check.lua is not in the waotp-verify-redis jar");
            }
            return in.readAllBytes();
        }
    }

    private Long rawEvalsha(int n) {
        return raw.evalsha(trivialSha, ScriptOutputType.INTEGER, new byte[][] {keys[Math.floorMod(n, PHONES)]});
    }
}
