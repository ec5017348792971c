package dev.waotp.bench;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import tools.jackson.databind.ObjectMapper;

/**
 * An OkHttp client that never touches the network: an application interceptor writes each request
 * body out, as a connection would, and answers Kaleyra's 202 at once. The payload benchmark hands
 * every variant's body to it, so that the generated sender is measured through its public API (the
 * client's encoder is not reachable from outside the runtime, and should not be).
 */
final class InProcessWire implements AutoCloseable {
    static final String URL = "http://127.0.0.1:9/v2/HXBENCH00000001IN/whatsapp/+919999999999/messages";
    private static final ObjectMapper ANSWERS = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String ACCEPTED =
            "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"A1\"},\"error\":{}}";

    final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(this::accept).build();
    /** Set in the benchmarks' set-up only, to compare the variants' bodies; off while measuring. */
    boolean keepLastBody;
    byte[] lastBody = new byte[0];

    private Response accept(okhttp3.Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Buffer sink = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(sink);
        }
        if (keepLastBody) {
            lastBody = sink.readByteArray();
        } else {
            sink.clear();
        }
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(202)
                .message("Accepted")
                .body(ResponseBody.create(ACCEPTED, JSON))
                .build();
    }

    /** Posts {@code body} as a hand-written client would, and reads the message id out of the answer. */
    String post(byte[] body) throws IOException {
        return post(new Request.Builder().url(URL), body);
    }

    /** The same, to a URL parsed once beforehand instead of on every post. */
    String post(HttpUrl url, byte[] body) throws IOException {
        return post(new Request.Builder().url(url), body);
    }

    private String post(Request.Builder builder, byte[] body) throws IOException {
        Request request = builder.header("api-key", "bench-key").post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            return ANSWERS.readTree(response.body().byteStream()).at("/data/message_id").asString();
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
    }
}
