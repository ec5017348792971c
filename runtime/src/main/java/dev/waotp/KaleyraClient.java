package dev.waotp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import retrofit2.Retrofit;

/**
 * Sends authentication template messages for one Kaleyra account and one WhatsApp business number.
 * Thread-safe; build one and share it, as the generated senders do.
 *
 * <pre>{@code
 * KaleyraClient client = KaleyraClient.builder()
 *         .sid("HXAP16XXXXXX97IN")
 *         .apiKey(System.getenv("KALEYRA_API_KEY"))
 *         .region(Region.IN)
 *         .businessNumber("+91XXXXXXXXXX")
 *         .build();
 * }</pre>
 *
 * <p>{@link #close()} releases the threads and connections of the HTTP client it created; an
 * {@link OkHttpClient} passed in is left to its owner.
 */
public final class KaleyraClient implements Closeable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    private final String sid;
    private final String apiKey;
    private final String businessNumber;
    private final HttpUrl baseUrl;
    private final HttpUrl messagesUrl;
    private final RetryPolicy retryPolicy;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final KaleyraService service;
    private final PayloadEncoder encoder = new PayloadEncoder();
    private final ResponseReader reader = new ResponseReader(MAPPER);

    private KaleyraClient(Builder builder, HttpUrl baseUrl) {
        this.sid = builder.sid;
        this.apiKey = builder.apiKey;
        this.businessNumber = builder.businessNumber;
        this.baseUrl = baseUrl;
        this.messagesUrl = baseUrl.resolve("v2/" + sid + "/whatsapp/" + businessNumber + "/messages");
        this.retryPolicy = builder.retryPolicy;
        this.ownsHttp = builder.okHttpClient == null;
        OkHttpClient base = ownsHttp
                ? ownHttpClient(Objects.requireNonNullElse(builder.maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS))
                : builder.okHttpClient;
        this.http = base.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.writeTimeout)
                .callTimeout(builder.callTimeout)
                // Our RetryPolicy is the only one, so that its bound is the number of requests sent.
                .retryOnConnectionFailure(false)
                // OkHttp on its own re-sends a 503 that says "Retry-After: 0", past that bound.
                .addNetworkInterceptor(KaleyraClient::withoutRetryAfter)
                // A redirect would carry the api-key header (OkHttp strips only Authorization) and, for
                // 307/308, the OTP to another host, even over plain http: it is an error instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.service = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(http)
                .build()
                .create(KaleyraService.class);
    }

    private static Response withoutRetryAfter(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        return response.code() == 503 && response.header("Retry-After") != null
                ? response.newBuilder().removeHeader("Retry-After").build()
                : response;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * OkHttp allows 5 requests to one host at a time and keeps 5 idle connections by default: too few
     * for async sends that all go to one API, so both follow {@code maxConcurrentRequests}.
     */
    private static OkHttpClient ownHttpClient(int maxConcurrentRequests) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrentRequests);
        dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxConcurrentRequests, 5, TimeUnit.MINUTES))
                .build();
    }

    /**
     * Sends one message and waits for Kaleyra's answer, retrying as the {@link RetryPolicy} allows.
     *
     * @throws KaleyraApiException when Kaleyra refuses the message (a subclass names the reason)
     * @throws KaleyraTransportException when no answer came
     */
    public SendResult send(AuthMessage message) {
        return execution(message).execute();
    }

    /**
     * Sends one message without blocking the caller. The future completes with the result or with a
     * {@link KaleyraException}; cancelling it cancels the request in flight.
     */
    public CompletableFuture<SendResult> sendAsync(AuthMessage message) {
        return execution(message).enqueue();
    }

    private SendExecution execution(AuthMessage message) {
        Objects.requireNonNull(message, "message");
        RequestBody payload = RequestBody.create(encoder.encode(message), JSON);
        return new SendExecution(
                () -> service.send(messagesUrl, apiKey, payload), retryPolicy, reader, message);
    }

    public String sid() {
        return sid;
    }

    /** The WhatsApp business number messages are sent from, in the request path. */
    public String businessNumber() {
        return businessNumber;
    }

    /** The base URL requests go to, for example {@code https://podapi.in.kaleyra.io/}. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Shuts down the dispatcher threads and the connection pool, if this client created them. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "KaleyraClient{baseUrl=" + baseUrl + ", sid=" + sid + ", businessNumber=" + businessNumber
                + ", apiKey=" + Redaction.SECRET + "}";
    }

    /** Collects the client's settings; {@link #build()} checks them all. */
    public static final class Builder {
        private String sid;
        private String apiKey;
        private String businessNumber;
        private Region region;
        private String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private Duration writeTimeout = Duration.ofSeconds(20);
        private Duration callTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private OkHttpClient okHttpClient;
        private Integer maxConcurrentRequests;

        private Builder() {}

        /** The account SID, as shown beside the API key on kaleyra.io. */
        public Builder sid(String sid) {
            this.sid = sid;
            return this;
        }

        /** The API key, sent in the {@code api-key} header and nowhere else. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The WhatsApp business number in E.164 form, as registered with Kaleyra. */
        public Builder businessNumber(String businessNumber) {
            this.businessNumber = businessNumber;
            return this;
        }

        /** The region the account lives in; use this or {@link #baseUrl(String)}. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Another base URL, for a stub or a proxy, for example {@code http://127.0.0.1:8080/}. Plain
         * {@code http} is refused for any host that is not loopback, since the API key would travel in
         * the clear.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** How long to wait for a connection; default 10 seconds. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout("connectTimeout", timeout);
            return this;
        }

        /** How long to wait for each read of the answer; default 20 seconds. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout("readTimeout", timeout);
            return this;
        }

        /** How long to wait for each write of the request; default 20 seconds. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout("writeTimeout", timeout);
            return this;
        }

        /** The most one attempt may take from start to answer; default 30 seconds. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout("callTimeout", timeout);
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * How many async sends may be in flight at once, 1 to 1024; default 64. More wait in a queue.
         * Blocking sends are limited by the calling threads only. With {@link #okHttpClient}, set this on
         * that client's {@code Dispatcher} instead.
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1024) {
                throw new InvalidInputException("maxConcurrentRequests",
                        "must be 1 to 1024, was " + maxConcurrentRequests);
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * An HTTP client to share threads, connections, interceptors or a proxy with. The client uses a
         * copy with its own timeouts; {@link KaleyraClient#close()} leaves this one open.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** @throws InvalidInputException naming the first setting that is missing or wrong */
        public KaleyraClient build() {
            InputRules.sid(sid);
            InputRules.apiKey(apiKey);
            InputRules.phoneNumber("businessNumber", businessNumber);
            if (okHttpClient != null && maxConcurrentRequests != null) {
                throw new InvalidInputException("maxConcurrentRequests",
                        "set it on the Dispatcher of the OkHttpClient you pass in, not here");
            }
            return new KaleyraClient(this, resolveBaseUrl());
        }

        private HttpUrl resolveBaseUrl() {
            if (region != null && baseUrl != null) {
                throw new InvalidInputException("baseUrl", "set either region or baseUrl, not both");
            }
            if (region == null && baseUrl == null) {
                throw new InvalidInputException("region", "is required (or baseUrl, for a local server)");
            }
            HttpUrl url = HttpUrl.parse(region != null ? region.baseUrl() : baseUrl);
            if (url == null) {
                throw new InvalidInputException("baseUrl", "must be an http or https URL");
            }
            if (!url.isHttps() && !isLoopback(url.host())) {
                throw new InvalidInputException("baseUrl",
                        "must use https; plain http is allowed only to loopback (localhost, 127.0.0.0/8, ::1)");
            }
            if (!url.encodedPath().endsWith("/")) {
                url = url.newBuilder().addPathSegment("").build();
            }
            return url;
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.equals("::1") || LOOPBACK_IPV4.matcher(host).matches();
        }

        private static Duration timeout(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new InvalidInputException(field, "must be positive");
            }
            return value;
        }

        @Override
        public String toString() {
            return "KaleyraClient.Builder{sid=" + sid + ", businessNumber=" + businessNumber
                    + ", region=" + region + ", baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey == null ? "unset" : Redaction.SECRET) + "}";
        }
    }
}
