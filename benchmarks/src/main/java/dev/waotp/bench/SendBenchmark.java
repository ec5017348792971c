package dev.waotp.bench;

import dev.waotp.AuthTemplates;
import dev.waotp.KaleyraClient;
import dev.waotp.testing.KaleyraStub;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import retrofit2.Retrofit;
import tools.jackson.databind.ObjectMapper;

/**
 * One blocking send, end to end over loopback to the stub in the same JVM, three ways, with 1 and with
 * 32 threads (one request in flight each). All three share one OkHttp configuration (a pool that holds
 * 32 idle connections) and the same stub, which checks and parses every body: the raw-OkHttp baseline
 * is what the stub and the machine allow.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SendBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");

    private KaleyraStub stub;
    private OkHttpClient http;
    private KaleyraClient client;
    private OtpSender generated;
    private RetrofitKaleyra retrofit;
    private HttpUrl url;

    @Setup(Level.Trial)
    public void start() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        if (!Arrays.equals(Inputs.rawBody(Inputs.phone(0), Inputs.code(0)),
                mapper.writeValueAsBytes(RetrofitKaleyra.request(Inputs.phone(0), Inputs.code(0))))) {
            throw new IllegalStateException("the Retrofit POJOs do not write the generated sender's body");
        }
        stub = KaleyraStub.start();
        http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
        client = KaleyraClient.builder().sid(stub.sid()).apiKey(stub.apiKey())
                .businessNumber(stub.businessNumber()).baseUrl(stub.baseUrl()).okHttpClient(http).build();
        // The generated OtpSenderImpl, found the way an application without DI finds it.
        generated = AuthTemplates.create(OtpSender.class, client);
        retrofit = new Retrofit.Builder()
                .baseUrl(stub.baseUrl())
                .client(http)
                .addConverterFactory(new JacksonConverters(mapper))
                .build()
                .create(RetrofitKaleyra.class);
        url = HttpUrl.get(stub.baseUrl()).newBuilder()
                .addPathSegments("v2/" + stub.sid() + "/whatsapp/" + stub.businessNumber() + "/messages")
                .build();
    }

    /** The stub keeps every accepted message; let it forget them between iterations. */
    @Setup(Level.Iteration)
    public void forget() {
        stub.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        stub.close();
    }

    @Benchmark
    @Threads(1)
    public String generatedSender_1(Cursor cursor) {
        return generated(cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public String generatedSender_32(Cursor cursor) {
        return generated(cursor.next++);
    }

    @Benchmark
    @Threads(1)
    public String retrofitJackson_1(Cursor cursor) throws IOException {
        return retrofit(cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public String retrofitJackson_32(Cursor cursor) throws IOException {
        return retrofit(cursor.next++);
    }

    @Benchmark
    @Threads(1)
    public byte[] rawOkHttp_1(Cursor cursor) throws IOException {
        return raw(cursor.next++);
    }

    @Benchmark
    @Threads(32)
    public byte[] rawOkHttp_32(Cursor cursor) throws IOException {
        return raw(cursor.next++);
    }

    String generated(int i) {
        return generated.send(Inputs.phone(i), Inputs.code(i)).messageId();
    }

    String retrofit(int i) throws IOException {
        retrofit2.Response<RetrofitKaleyra.Answer> response = retrofit.send(stub.sid(), stub.businessNumber(),
                stub.apiKey(), RetrofitKaleyra.request(Inputs.phone(i), Inputs.code(i))).execute();
        if (response.code() != 202) {
            response.errorBody().close();
            throw new IllegalStateException("stub answered " + response.code());
        }
        return response.body().data().messageId();
    }

    /** The limit: precomputed bytes posted, the answer's bytes read and not parsed. */
    byte[] raw(int i) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("api-key", stub.apiKey())
                .post(RequestBody.create(Inputs.rawBody(Inputs.phone(i), Inputs.code(i)), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 202) {
                throw new IllegalStateException("stub answered " + response.code());
            }
            return response.body().bytes();
        }
    }
}
