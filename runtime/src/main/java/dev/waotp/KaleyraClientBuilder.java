package dev.waotp;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Collects the settings of a {@link KaleyraClient}; {@link #build()} checks them all. Get one from
 * {@link KaleyraClient#builder()}. Required: {@link #sid}, {@link #apiKey}, one of {@link #region} or
 * {@link #baseUrl}, and {@link #businessNumber} to send or {@link #wabaId} to list templates (or both).
 */
public final class KaleyraClientBuilder {
    private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    /** Meta's WABA ids are numbers; letters are allowed as Kaleyra's page masks its sample with x. */
    private static final Pattern WABA_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    @Nullable String sid;
    @Nullable String apiKey;
    @Nullable String businessNumber;
    @Nullable String wabaId;
    private @Nullable Region region;
    private @Nullable String baseUrl;
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration readTimeout = Duration.ofSeconds(10);
    Duration writeTimeout = Duration.ofSeconds(10);
    Duration callTimeout = Duration.ofSeconds(10);
    Duration deadline = Duration.ofSeconds(30);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    SendListener listener = SendListener.NONE;
    @Nullable OkHttpClient okHttpClient;
    private @Nullable Integer maxConcurrentRequests;
    @Nullable String callbackProfileId;

    KaleyraClientBuilder() {}

    /**
     * The Kaleyra callback profile whose endpoint hears the delivery status of every message this
     * client sends (a message may name its own with {@link AuthMessage.Builder#callbackProfileId});
     * default none, which leaves the number's own profile, if any. See {@link CallbackHandler}.
     */
    public KaleyraClientBuilder callbackProfileId(String callbackProfileId) {
        this.callbackProfileId = InputRules.callbackProfileId("callbackProfileId",
                Objects.requireNonNull(callbackProfileId, "callbackProfileId"));
        return this;
    }

    /** The account SID, as shown beside the API key on kaleyra.io. */
    public KaleyraClientBuilder sid(String sid) {
        this.sid = sid;
        return this;
    }

    /** The API key, sent in the {@code api-key} header and nowhere else. */
    public KaleyraClientBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /** The WhatsApp business number in E.164 form, as registered with Kaleyra. */
    public KaleyraClientBuilder businessNumber(String businessNumber) {
        this.businessNumber = businessNumber;
        return this;
    }

    /**
     * The WhatsApp Business Account id, in the path of the template list
     * ({@link KaleyraClient#templates()}); letters and digits. Needed only to list templates.
     */
    public KaleyraClientBuilder wabaId(String wabaId) {
        this.wabaId = wabaId;
        return this;
    }

    /** The region the account lives in, for example {@link Region#IN}; use this or {@link #baseUrl(String)}. */
    public KaleyraClientBuilder region(Region region) {
        this.region = region;
        return this;
    }

    /**
     * Another base URL, for a stub or a proxy, for example {@code http://127.0.0.1:8080/}. Plain
     * {@code http} is refused for any host that is not loopback, since the API key would travel in
     * the clear.
     */
    public KaleyraClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** How long to wait for a connection; default 5 seconds. */
    public KaleyraClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return this;
    }

    /**
     * How long to wait for each read of the answer; default 10 seconds. One no shorter than the
     * {@link #callTimeout} could never end an attempt first, and is left to it rather than set on the socket.
     */
    public KaleyraClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive("readTimeout", timeout);
        return this;
    }

    /**
     * How long to wait for each write of the request; default 10 seconds. One no shorter than the
     * {@link #callTimeout} could never end an attempt first, and is left to it rather than set on the socket.
     */
    public KaleyraClientBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = positive("writeTimeout", timeout);
        return this;
    }

    /** The most one attempt may take from start to answer; default 10 seconds. */
    public KaleyraClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive("callTimeout", timeout);
        return this;
    }

    /**
     * The most one send may take, every attempt and every wait between them included; default 30
     * seconds. An attempt is cut short when the deadline comes, and no retry is begun that could not
     * finish its wait before it.
     */
    public KaleyraClientBuilder deadline(Duration deadline) {
        this.deadline = positive("deadline", deadline);
        return this;
    }

    /** Default {@link RetryPolicy#defaults()}. */
    public KaleyraClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /** Hears how each send ended, for metrics; default none. */
    public KaleyraClientBuilder listener(SendListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * How many async sends may be in flight at once, 1 to 1024; default 64. More wait in a queue.
     * Blocking sends are limited by the calling threads only. With {@link #okHttpClient}, set this on
     * that client's {@code Dispatcher} instead.
     */
    public KaleyraClientBuilder maxConcurrentRequests(int maxConcurrentRequests) {
        if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1024) {
            throw new InvalidInputException("maxConcurrentRequests",
                    "must be 1 to 1024, was " + maxConcurrentRequests);
        }
        this.maxConcurrentRequests = maxConcurrentRequests;
        return this;
    }

    /**
     * An HTTP client to share threads, connections, interceptors, TLS settings or a proxy with. The
     * client uses a copy with its own timeouts; {@link KaleyraClient#close()} leaves this one open.
     */
    public KaleyraClientBuilder okHttpClient(OkHttpClient okHttpClient) {
        this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
        return this;
    }

    /** @throws InvalidInputException naming the first setting that is missing or wrong */
    public KaleyraClient build() {
        InputRules.sid(sid);
        InputRules.apiKey(apiKey);
        if (businessNumber != null || wabaId == null) {
            InputRules.phoneNumber("businessNumber", businessNumber);
        }
        if (wabaId != null && !WABA_ID.matcher(wabaId).matches()) {
            throw new InvalidInputException("wabaId", "must be 1 to 64 letters and digits");
        }
        if (okHttpClient != null && maxConcurrentRequests != null) {
            throw new InvalidInputException("maxConcurrentRequests",
                    "set it on the Dispatcher of the OkHttpClient you pass in, not here");
        }
        return new KaleyraClient(this, resolveBaseUrl());
    }

    int maxConcurrentRequests() {
        return Objects.requireNonNullElse(maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS);
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

    private static Duration positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be positive");
        }
        return value;
    }

    @Override
    public String toString() {
        return "KaleyraClientBuilder{sid=" + sid + ", businessNumber=" + businessNumber + ", wabaId=" + wabaId
                + ", region=" + region + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "unset" : Redaction.SECRET) + "}";
    }
}
