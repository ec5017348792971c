package dev.waotp;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends authentication template messages for one Kaleyra account and one WhatsApp business number,
 * and one-time passwords by SMS for the same account ({@link #sendSms(SmsMessage)}).
 * Thread-safe; build one and share it, as the generated senders do.
 *
 * <pre>{@code
 * KaleyraClient client = KaleyraClient.builder()
 *         .sid("HXAP16XXXXXX97IN")
 *         .apiKey(System.getenv("KALEYRA_API_KEY"))
 *         .region(Region.IN)                  // https://api.in.kaleyra.io/
 *         .businessNumber("+91XXXXXXXXXX")
 *         .build();
 * }</pre>
 *
 * <p>{@link #close()} releases the threads and connections of the HTTP client it created; an
 * {@link OkHttpClient} passed in is left to its owner. A closed client sends nothing more.
 */
public final class KaleyraClient implements Closeable {
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * Kaleyra's answers, read as they always were: a field we do not know is ignored, and so is anything after
     * the answer's JSON, which Jackson 3 would otherwise refuse, turning a send Kaleyra took into a result
     * without its message id and a refusal into a bare status.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String sid;
    private final String apiKey;
    private final @Nullable String businessNumber;
    private final HttpUrl baseUrl;
    private final @Nullable HttpUrl messagesUrl;
    private final HttpUrl smsUrl;
    /**
     * The same URLs relative to {@link #baseUrl}, as the service is given them: Retrofit parses its
     * {@code @Url} again on every call, and a relative one skips the host's parsing (IDNA mapping,
     * a regular expression), a fifth of a send's CPU on the payload benchmark's profile.
     */
    private final @Nullable String messagesPath;
    private final String smsPath;
    private final @Nullable String wabaId;
    private final @Nullable HttpUrl templatesUrl;
    private final RetryPolicy retryPolicy;
    private final Duration deadline;
    private final SendListener listener;
    /** Package-private for tests that check what {@link #close()} stops. */
    final OkHttpClient http;
    private final boolean ownsHttp;
    private final KaleyraService service;
    private final PayloadEncoder encoder;
    private final ResponseReader reader = new ResponseReader(MAPPER);
    private final ScheduledThreadPoolExecutor deadlines = deadlineTimer();
    /** Package-private for tests that check what {@link #close()} stops. */
    final AttemptTimer attemptTimer;
    private volatile boolean closed;

    KaleyraClient(KaleyraClientBuilder builder, HttpUrl baseUrl) {
        this.sid = builder.sid;
        this.apiKey = builder.apiKey;
        this.businessNumber = builder.businessNumber;
        this.baseUrl = baseUrl;
        this.encoder = new PayloadEncoder(builder.callbackProfileId);
        this.messagesPath = businessNumber == null ? null
                : "v2/" + sid + "/whatsapp/" + businessNumber + "/messages";
        this.smsPath = "v1/" + sid + "/messages";
        this.messagesUrl = messagesPath == null ? null : baseUrl.resolve(messagesPath);
        this.smsUrl = baseUrl.resolve(smsPath);
        this.wabaId = builder.wabaId;
        this.templatesUrl = wabaId == null ? null
                : baseUrl.resolve("v2/" + sid + "/whatsapp/" + wabaId + "/message_templates");
        this.retryPolicy = builder.retryPolicy;
        this.deadline = builder.deadline;
        this.listener = builder.listener;
        this.attemptTimer = new AttemptTimer(Math.min(builder.callTimeout.toNanos(), deadline.toNanos()));
        this.ownsHttp = builder.okHttpClient == null;
        OkHttpClient base = ownsHttp ? ownHttpClient(builder.maxConcurrentRequests()) : builder.okHttpClient;
        this.http = base.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(withinCallTimeout(builder.readTimeout, builder.callTimeout))
                .writeTimeout(withinCallTimeout(builder.writeTimeout, builder.callTimeout))
                .callTimeout(builder.callTimeout)
                // Our RetryPolicy is the only one, so that its bound is the number of requests sent.
                .retryOnConnectionFailure(false)
                .addInterceptor(KaleyraClient::errorBodyReadWhole)
                .addNetworkInterceptor(KaleyraClient::withoutImmediateRetry)
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

    /**
     * A read or write timeout no shorter than the call timeout can never end an attempt first: every
     * attempt ends at its call timeout (or sooner, at the deadline), kept by OkHttp for async calls and
     * by {@link AttemptTimer} for blocking ones. Such a timeout is left to the call timeout rather than
     * set on the socket, where Okio would wake its watchdog thread for every read and every write.
     */
    static Duration withinCallTimeout(Duration socketTimeout, Duration callTimeout) {
        return socketTimeout.compareTo(callTimeout) >= 0 ? Duration.ZERO : socketTimeout;
    }

    /**
     * Retrofit reads an error answer's body inside the call, so a body cut off mid-way would surface
     * as a connection failure, and be retried, though the status already said what happened. Read it
     * here instead; what could not be read is an empty body, and the status decides.
     */
    private static Response errorBodyReadWhole(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (response.isSuccessful() || body == null) {
            return response;
        }
        byte[] bytes;
        try (body) {
            bytes = body.bytes();
        } catch (IOException cutOff) {
            bytes = new byte[0];
        }
        return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
    }

    /** OkHttp re-sends a 503 that says "Retry-After: 0" on its own, past our policy's bound. */
    private static Response withoutImmediateRetry(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        return response.code() == 503 && RetryAfter.isImmediate(response.header(RetryAfter.HEADER))
                ? response.newBuilder().removeHeader(RetryAfter.HEADER).build()
                : response;
    }

    /** A builder with the defaults: see each setting of {@link KaleyraClientBuilder}. */
    public static KaleyraClientBuilder builder() {
        return new KaleyraClientBuilder();
    }

    /** One thread for every async send's deadline, gone while the client is idle. */
    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "waotp-send-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
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
     * Sends one message and waits for Kaleyra's answer, retrying as the {@link RetryPolicy} and the
     * deadline allow. Any 2xx is a {@link SendResult}, even one without a message id.
     *
     * @throws KaleyraApiException when Kaleyra refuses the message (a subclass names the reason)
     * @throws KaleyraTransportException when no answer came
     * @throws IllegalStateException when this client is closed; nothing is sent
     */
    public SendResult send(AuthMessage message) {
        return execution(message).execute(attemptTimer);
    }

    /**
     * Sends one message without blocking the caller. The future completes with the result or with a
     * {@link KaleyraException}. However the caller ends it first ({@code cancel}, {@code orTimeout},
     * {@code completeExceptionally}), the request in flight is cancelled and no retry follows.
     *
     * @throws IllegalStateException when this client is closed; nothing is sent
     */
    public CompletableFuture<SendResult> sendAsync(AuthMessage message) {
        SendExecution execution = execution(message);
        try {
            return execution.enqueue(deadlines);
        } catch (RejectedExecutionException closedMeanwhile) {
            throw closedError();
        }
    }

    private SendExecution execution(AuthMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw closedError();
        }
        String messagesPath = this.messagesPath;
        if (messagesPath == null) {
            throw new IllegalStateException("KaleyraClient has no businessNumber; build it with one to send");
        }
        RequestBody payload = RequestBody.create(encoder.encode(message), JSON);
        return execution(Outgoing.whatsApp(message), messagesPath, payload);
    }

    private SendExecution execution(Outgoing message, String path, RequestBody payload) {
        return new SendExecution(() -> service.send(path, apiKey, payload), retryPolicy, reader,
                message, deadline, listener, () -> closed);
    }

    /**
     * Sends one SMS through Kaleyra's SMS API and waits for the answer, with the same retries,
     * deadline and listener as {@link #send(AuthMessage)}; {@link SendResult#messageId()} is the SMS id.
     *
     * @throws KaleyraApiException when Kaleyra refuses the SMS (a subclass names the reason)
     * @throws KaleyraTransportException when no answer came
     * @throws IllegalStateException when this client is closed; nothing is sent
     * @see SmsMessage
     */
    public SendResult sendSms(SmsMessage message) {
        return smsExecution(message).execute(attemptTimer);
    }

    /**
     * Sends one SMS without blocking the caller, as {@link #sendAsync(AuthMessage)} sends a WhatsApp
     * message.
     *
     * @throws IllegalStateException when this client is closed; nothing is sent
     */
    public CompletableFuture<SendResult> sendSmsAsync(SmsMessage message) {
        SendExecution execution = smsExecution(message);
        try {
            return execution.enqueue(deadlines);
        } catch (RejectedExecutionException closedMeanwhile) {
            throw closedError();
        }
    }

    private SendExecution smsExecution(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw closedError();
        }
        return execution(Outgoing.sms(message), smsPath, message.form());
    }

    /**
     * The account's templates as Kaleyra's template list returns them
     * (<a href="https://developers.kaleyra.io/docs/whatsapp-template-api-v2-get-templates">Kaleyra, Get
     * Templates</a>), every page followed, in the order of the answers. Each page is retried as the
     * {@link RetryPolicy} allows (a GET changes nothing, so every 5xx and connection failure is) within
     * the client's deadline.
     *
     * @throws KaleyraApiException when Kaleyra refuses the request (a subclass names the reason)
     * @throws KaleyraTransportException when no answer came
     * @throws KaleyraException when the answer is not a template list
     * @throws IllegalStateException when this client has no {@link KaleyraClientBuilder#wabaId WABA id}
     *     or is closed; nothing is sent
     */
    public List<MessageTemplate> templates() {
        if (closed) {
            throw closedError();
        }
        HttpUrl url = templatesUrl;
        if (url == null) {
            throw new IllegalStateException("KaleyraClient has no wabaId; build it with one to list templates");
        }
        return new TemplateListing(after -> service.templates(url, apiKey, after), retryPolicy, reader, MAPPER,
                deadline, () -> closed).all();
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("KaleyraClient is closed; build a new one to send");
    }

    /** The account SID, in the request path. */
    public String sid() {
        return sid;
    }

    /** The WhatsApp business number messages are sent from, in the request path; {@code null} when not set. */
    public @Nullable String businessNumber() {
        return businessNumber;
    }

    /** The WhatsApp Business Account id the template list is read from; {@code null} when not set. */
    public @Nullable String wabaId() {
        return wabaId;
    }

    /** The base URL requests go to, for example {@code https://api.in.kaleyra.io/}. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /**
     * The URL every send is posted to: {@code <baseUrl>v2/<sid>/whatsapp/<businessNumber>/messages};
     * {@code null} without a business number.
     */
    public @Nullable String messagesUrl() {
        return messagesUrl == null ? null : messagesUrl.toString();
    }

    /** The URL every SMS is posted to: {@code <baseUrl>v1/<sid>/messages}. */
    public String smsUrl() {
        return smsUrl.toString();
    }

    /** Which failed sends are tried again; see {@link KaleyraClientBuilder#retryPolicy(RetryPolicy)}. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The most one send may take, every attempt and wait included. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Refuses further sends; if this client created its HTTP client, shuts down its dispatcher
     * threads and evicts its connections. Sends in flight may still finish; a send waiting to retry
     * ends with an {@link IllegalStateException} instead.
     */
    @Override
    public void close() {
        closed = true;
        deadlines.shutdownNow();
        attemptTimer.close();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "KaleyraClient{baseUrl=" + baseUrl + ", sid=" + sid + ", businessNumber=" + businessNumber
                + (wabaId == null ? "" : ", wabaId=" + wabaId)
                + ", apiKey=" + Redaction.SECRET + (closed ? ", closed" : "") + "}";
    }
}
