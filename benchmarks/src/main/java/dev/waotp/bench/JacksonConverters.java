package dev.waotp.bench;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Retrofit bodies through Jackson 3, for the hand-written client of {@link SendBenchmark}: Retrofit's
 * converter-jackson is built on Jackson 2, which the benchmarks no longer have. It does what that converter does
 * (the request as UTF-8 JSON bytes, the answer read from its character stream), so that the figures stay
 * comparable with the earlier runs'.
 */
final class JacksonConverters extends Converter.Factory {
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

    private final ObjectMapper mapper;

    JacksonConverters(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        ObjectReader reader = mapper.readerFor(mapper.constructType(type));
        return body -> {
            try (body) {
                return reader.readValue(body.charStream());
            }
        };
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
            Annotation[] methodAnnotations, Retrofit retrofit) {
        ObjectWriter writer = mapper.writerFor(mapper.constructType(type));
        return value -> RequestBody.create(writer.writeValueAsBytes(value), JSON);
    }
}
