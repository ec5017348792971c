package dev.waotp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waotp.AuthMessage;
import dev.waotp.EncoderAccess;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The request body of one send, built three ways. {@link #generated} does what a generated sender does
 * before the network: build the checked {@link AuthMessage} and encode it with the client's encoder.
 * Run with {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadBenchmark {
    private final ObjectMapper mapper = new ObjectMapper();
    private TemplateSpec template;
    private KaleyraClient client;
    private EncoderAccess encoder;
    private final AuthMessage[] messages = new AuthMessage[Inputs.SIZE];
    private int next;

    @Setup
    public void setUp() throws Exception {
        template = Inputs.generatedTemplate();
        // Never sends: only its encoder is used.
        client = KaleyraClient.builder().sid("HXBENCH00000001IN").apiKey("bench-key")
                .businessNumber("+919999999999").baseUrl("http://127.0.0.1:9/").build();
        encoder = EncoderAccess.of(client);
        for (int i = 0; i < Inputs.SIZE; i++) {
            messages[i] = message(i);
            byte[] raw = Inputs.rawBody(Inputs.phone(i), Inputs.code(i));
            if (!Arrays.equals(raw, encoder.encode(messages[i]))
                    || !Arrays.equals(raw, Inputs.mapBody(mapper, Inputs.phone(i), Inputs.code(i)))) {
                throw new IllegalStateException("the variants do not write the same body");
            }
        }
    }

    @TearDown
    public void tearDown() {
        client.close();
    }

    private AuthMessage message(int i) {
        return AuthMessage.builder(template).to(Inputs.phone(i)).otp(Inputs.code(i)).build();
    }

    @Benchmark
    public byte[] generated() {
        return encoder.encode(message(next++));
    }

    /** Not a variant but a split of {@link #generated}: the encoder alone, on messages built beforehand. */
    @Benchmark
    public byte[] generatedEncodeOnly() {
        return encoder.encode(messages[next++ & (Inputs.SIZE - 1)]);
    }

    @Benchmark
    public byte[] mapObjectMapper() throws Exception {
        int i = next++;
        return Inputs.mapBody(mapper, Inputs.phone(i), Inputs.code(i));
    }

    @Benchmark
    public byte[] rawBytes() {
        int i = next++;
        return Inputs.rawBody(Inputs.phone(i), Inputs.code(i));
    }
}
