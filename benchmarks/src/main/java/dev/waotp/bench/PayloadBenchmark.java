package dev.waotp.bench;

import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.ObjectMapper;

/**
 * One send's request body, built three ways (the raw one posted to a string URL and to one parsed
 * beforehand) and handed to the same in-process OkHttp client
 * ({@link InProcessWire}), which writes it out and answers at once: no network, so what differs is
 * the payload and what each way adds around it. {@link #generated} is what a generated sender does:
 * build the checked {@link AuthMessage} and send it through {@link KaleyraClient}; the hand-written
 * variants post with OkHttp and read the message id out of the answer with Jackson, as a hand-written
 * client would. Run with {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadBenchmark {
    private final ObjectMapper mapper = new ObjectMapper();
    private final InProcessWire wire = new InProcessWire();
    private TemplateSpec template;
    private final HttpUrl url = HttpUrl.get(InProcessWire.URL);
    private KaleyraClient client;
    private int next;

    @Setup
    public void setUp() throws Exception {
        template = Inputs.generatedTemplate();
        client = KaleyraClient.builder().sid("HXBENCH00000001IN").apiKey("bench-key")
                .businessNumber("+919999999999").baseUrl("http://127.0.0.1:9/").okHttpClient(wire.http).build();
        if (!InProcessWire.URL.equals(client.messagesUrl())) {
            throw new IllegalStateException("the variants do not post to the same URL");
        }
        wire.keepLastBody = true;
        for (int i = 0; i < Inputs.SIZE; i++) {
            byte[] raw = Inputs.rawBody(Inputs.phone(i), Inputs.code(i));
            client.send(AuthMessage.builder(template).to(Inputs.phone(i)).otp(Inputs.code(i)).build());
            if (!Arrays.equals(raw, wire.lastBody)
                    || !Arrays.equals(raw, Inputs.mapBody(mapper, Inputs.phone(i), Inputs.code(i)))) {
                throw new IllegalStateException("the variants do not write the same body");
            }
        }
        wire.keepLastBody = false;
    }

    @TearDown
    public void tearDown() {
        client.close();
        wire.close();
    }

    @Benchmark
    public SendResult generated() {
        int i = next++;
        return client.send(AuthMessage.builder(template).to(Inputs.phone(i)).otp(Inputs.code(i)).build());
    }

    @Benchmark
    public String mapObjectMapper() throws Exception {
        int i = next++;
        return wire.post(Inputs.mapBody(mapper, Inputs.phone(i), Inputs.code(i)));
    }

    @Benchmark
    public String rawBytes() throws Exception {
        int i = next++;
        return wire.post(Inputs.rawBody(Inputs.phone(i), Inputs.code(i)));
    }

    /**
     * {@link #rawBytes} with its URL parsed once in set-up: the string URL is over 40% of that variant's
     * CPU profile, and a hand-written client may well hold an {@link HttpUrl} instead.
     */
    @Benchmark
    public String rawBytesParsedUrl() throws Exception {
        int i = next++;
        return wire.post(url, Inputs.rawBody(Inputs.phone(i), Inputs.code(i)));
    }
}
