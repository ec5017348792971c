package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import dev.waotp.MessageTemplate;
import dev.waotp.PhoneNumber;
import dev.waotp.Region;
import dev.waotp.RetryPolicy;
import dev.waotp.SmsMessage;
import dev.waotp.SmsType;
import dev.waotp.TemplateLanguages;
import dev.waotp.TemplateSpec;
import dev.waotp.WaSource;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE, OkHttp's own logging at its finest and a user's HttpLoggingInterceptor
 * at HEADERS (with {@code redactHeader("api-key")}, as docs/RELIABILITY.md advises), successes and
 * every kind of failure leave neither the API key nor any one-time password in the logs, the console,
 * exception messages and stack traces, or the {@code toString()} of any public type of
 * {@code dev.waotp} and {@code dev.waotp.testing}.
 */
class SecretsEverywhereTest {
    private static final String API_KEY = "Sk3y-NEVER-PRINTED-0042";
    private static final Logger WIRE = LoggerFactory.getLogger("okhttp.wire");
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build();

    private final List<String> otps = new ArrayList<>();
    /** Everything created or thrown during the scenarios, for toString() and stack traces. */
    private final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

    /** A fresh, distinctive one-time password (letters, so that no port, id or timestamp matches it). */
    private String otp() {
        String otp = "Qx" + (char) ('A' + otps.size() % 26) + "zW" + (char) ('a' + otps.size() / 26) + "k";
        otps.add(otp);
        return otp;
    }

    private AuthMessage message(String otp) {
        AuthMessage.Builder builder = AuthMessage.builder(AUTH1).to("+919876543210").otp(otp).ref("customer-7");
        seen.add(builder);
        AuthMessage message = builder.build();
        seen.add(message);
        return message;
    }

    private void send(KaleyraClient client, String otp) {
        try {
            seen.add(client.send(message(otp)));
        } catch (RuntimeException e) {
            seen.add(e);
        }
    }

    private void sendAsync(KaleyraClient client, String otp) {
        CompletableFuture<?> future = client.sendAsync(message(otp));
        try {
            seen.add(future.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            seen.add(e);
            seen.add(e.getCause());
        }
        seen.add(future);
    }

    private SmsMessage sms(String otp) {
        SmsMessage.Builder builder = SmsMessage.builder().to("+919876543210").sender("KLRHXA")
                .body("{otp} is your code").otp(otp).templateId("1107161234567890123");
        seen.add(builder);
        SmsMessage message = builder.build();
        seen.add(message);
        return message;
    }

    private void sendSms(KaleyraClient client, String otp, boolean async) {
        try {
            seen.add(async ? client.sendSmsAsync(sms(otp)).handle((r, e) -> e == null ? r : e).join()
                    : client.sendSms(sms(otp)));
        } catch (RuntimeException e) {
            seen.add(e);
        }
    }

    private void expectFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            seen.add(e);
            return;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void neitherTheApiKeyNorAnyOtpIsEverPrinted() throws Exception {
        String captured = capturingEverything(this::scenarios);

        StringBuilder everything = new StringBuilder(captured);
        for (Object value : seen) {
            everything.append('\n').append(value);
            if (value instanceof Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                everything.append('\n').append(trace);
            }
        }
        String text = everything.toString();
        assertThat(text).as("the wire log ran").contains("api-key: ██").contains("--> POST");
        assertThat(text).as("the library's debug log ran").contains("Sending auth1 to [+********3210]");
        assertThat(text).doesNotContain(API_KEY).doesNotContain(CallbackSecretsScenario.PASSWORD);
        for (String otp : otps) {
            assertThat(text).as("OTP " + otps.indexOf(otp)).doesNotContain(otp);
        }
        System.out.printf("SECRETS scenarios=%d otps=%d objectsChecked=%d charactersScanned=%d%n",
                SCENARIOS, otps.size(), seen.size(), text.length());

        assertThat(publicTypes("dev.waotp")).isNotEmpty();
        Set<String> unchecked = new TreeSet<>();
        for (Class<?> type : union(publicTypes("dev.waotp"), publicTypes("dev.waotp.testing"))) {
            if (!type.isAnnotation() && !type.isInterface() && !NO_INSTANCES.contains(type.getName())
                    && seen.stream().noneMatch(type::isInstance)) {
                unchecked.add(type.getName());
            }
        }
        assertThat(unchecked).as("public types with no instance checked").isEmpty();
    }

    /** Public types that hold nothing: static helpers only. */
    private static final Set<String> NO_INSTANCES = Set.of("dev.waotp.AuthTemplates");
    private static final int SCENARIOS = 25;

    private void scenarios() {
        HttpLoggingInterceptor wireLog = new HttpLoggingInterceptor(WIRE::debug);
        wireLog.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        wireLog.redactHeader("api-key");
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(wireLog).build();
        seen.add(wireLog);
        seen.add(http);
        try {
            KaleyraStub.Builder stubBuilder = KaleyraStub.builder().apiKey(API_KEY);
            seen.add(stubBuilder);
            seen.add(new KaleyraStubExtension(stubBuilder));
            try (KaleyraStub stub = stubBuilder.start()) {
                seen.add(stub);
                KaleyraClientBuilder builder = stub.clientBuilder().okHttpClient(http).retryPolicy(QUICK)
                        .readTimeout(Duration.ofMillis(300));
                seen.add(builder);
                seen.add(QUICK);
                seen.add(AUTH1);
                seen.add(RetryPolicy.builder());
                seen.addAll(List.of(Region.values()));
                seen.addAll(List.of(WaSource.values()));
                seen.add(PhoneNumber.parse("+919876543210"));
                seen.addAll(List.of(PhoneNumber.Type.values()));
                expectFailure(() -> PhoneNumber.parse("+4407911123456", "to"));
                try (KaleyraClient client = builder.build()) {
                    seen.add(client);
                    send(client, otp());                                        // 1 accepted
                    sendAsync(client, otp());                                   // 2 accepted, async
                    stub.failNext(3, Fault.serverError());
                    send(client, otp());                                        // 3 WA500 past the bound
                    stub.failNext(3, Fault.serverError());
                    sendAsync(client, otp());                                   // 4 same, async
                    stub.failNext(1, Fault.lowBalance());
                    send(client, otp());                                        // 5 E110
                    stub.failNext(1, Fault.dailyLimitReached());
                    sendAsync(client, otp());                                   // 5b WAV2101
                    stub.failNext(3, Fault.dropConnection());
                    sendAsync(client, otp());                                   // 6 dropped connections
                    stub.failNext(3, Fault.delay(Duration.ofSeconds(1)));
                    send(client, otp());                                        // 7 read timeouts
                    seen.add(Fault.delay(Duration.ofSeconds(1)));
                    seen.addAll(stub.received());
                    String tooLong = otp() + otp() + otp();
                    expectFailure(() -> message(tooLong));                      // 8 OTP too long
                    String withNewline = otp() + "\n";
                    expectFailure(() -> message(withNewline));                  // 9 OTP with a control character
                    sendSms(client, otp(), false);                              // 20 SMS accepted
                    stub.failNextSms(3, Fault.serverError());
                    sendSms(client, otp(), true);                               // 21 SMS WA500 past the bound
                    String notInBody = otp();
                    expectFailure(() -> SmsMessage.builder().to("+14155550100").sender("KLRHXA")
                            .body("no code here").otp(notInBody).build());      // 22 SMS body without the code
                    seen.addAll(stub.receivedSms());
                    seen.addAll(List.of(SmsType.values()));
                }
                try (KaleyraClient wrongKey = stub.clientBuilder().okHttpClient(http).apiKey(API_KEY + "x").build()) {
                    send(wrongKey, otp());                                      // 10 RBC001
                    sendSms(wrongKey, otp(), false);                            // 23 RBC001 for an SMS
                    expectFailure(wrongKey::templates);                         // 10b template list, RBC001
                }
                try (KaleyraClient lister = stub.clientBuilder().okHttpClient(http).build()) {
                    List<MessageTemplate> templates = lister.templates();       // 10c template list
                    seen.addAll(templates);
                    seen.addAll(templates.get(0).buttons());
                }
                try (KaleyraClient otherNumber = stub.clientBuilder().okHttpClient(http).businessNumber("+911111111111").build()) {
                    send(otherNumber, otp());                                   // 11 WA401
                }
                try (KaleyraClient client = stub.clientBuilder().okHttpClient(http).build()) {
                    String otp = otp();
                    seen.add(client.sendAsync(AuthMessage.builder(TemplateSpec.of("auth1", "de")).to("+919876543210")
                            .otp(otp).build()).handle((r, e) -> e == null ? r : e).join()); // 12 template not approved
                    TemplateLanguages languages = TemplateLanguages.of(AUTH1, TemplateSpec.of("auth1", "hi"));
                    seen.add(languages);
                    seen.add(client.send(AuthMessage.builder(languages.forLocale(java.util.Locale.US))
                            .to("+919876543210").otp(otp()).build()));          // 12b a language chosen per send
                    expectFailure(() -> languages.forCode("fr"));               // 12c a language not declared
                }
                expectFailure(() -> stub.clientBuilder().apiKey(API_KEY + " with space").build()); // 13 bad key
                expectFailure(() -> stub.clientBuilder().baseUrl("http://example.com/").build());  // 14 plain http
            }
            try (MockWebServer server = new MockWebServer()) {
                server.start();
                server.enqueue(json(401, "{\"code\":\"WA-401\",\"message\":\"API is not available\",\"error\":{\"account\":\"x\"}}"));
                server.enqueue(json(401, "{\"code\":\"WA-401\",\"message\":\"other version\",\"error\":{\"phone_number\":\"x\"}}"));
                server.enqueue(json(202, "{\"code\":\"WA202\",\"data\":{\"message_"));
                server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", server.url("/x")).build());
                try (KaleyraClient client = KaleyraClient.builder().sid("HXAP16XXXXXX97IN").apiKey(API_KEY)
                        .businessNumber("+919000000000").baseUrl(server.url("/").toString()).okHttpClient(http)
                        .retryPolicy(RetryPolicy.none()).build()) {
                    send(client, otp());                                        // 15 WA-401 account
                    send(client, otp());                                        // 16 WA-401 phone number
                    sendAsync(client, otp());                                   // 17 truncated 202
                    send(client, otp());                                        // 18 a redirect
                }
            }
            CallbackSecretsScenario.run(seen, API_KEY, this::otp);             // 20 delivery callbacks
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (KaleyraClient nowhere = KaleyraClient.builder().sid("HXAP16XXXXXX97IN").apiKey(API_KEY)
                    .businessNumber("+919000000000").baseUrl("http://127.0.0.1:" + closedPort + "/").okHttpClient(http)
                    .retryPolicy(QUICK).build()) {
                sendAsync(nowhere, otp());                                      // 19 connection refused
                sendSms(nowhere, otp(), false);                                 // 24 SMS, connection refused
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    /**
     * Runs {@code scenarios} with SLF4J (logback) at TRACE into memory, java.util.logging (OkHttp's
     * own) at ALL into memory, and System.out and System.err copied; returns all of it.
     */
    private static String capturingEverything(Runnable scenarios) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger waotp = context.getLogger("dev.waotp");
        Level rootLevel = root.getLevel();
        Level waotpLevel = waotp.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(context);
        events.start();

        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        java.util.logging.Level julLevel = julRoot.getLevel();
        List<String> julRecords = Collections.synchronizedList(new ArrayList<>());
        Handler julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julRecords.add(record.getLoggerName() + " " + new java.util.logging.SimpleFormatter().format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        List<java.util.logging.Logger> okhttpLoggers = List.of(
                java.util.logging.Logger.getLogger("okhttp3"), java.util.logging.Logger.getLogger("okhttp3.OkHttpClient"),
                java.util.logging.Logger.getLogger("okhttp3.internal.http2"));

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // The console appender goes quiet meanwhile: TRACE from every request would flood the build log.
        var consoleAppender = root.getAppender("CONSOLE");
        root.detachAppender(consoleAppender);
        root.setLevel(Level.TRACE);
        waotp.setLevel(Level.TRACE);
        root.addAppender(events);
        julRoot.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);
        okhttpLoggers.forEach(l -> l.setLevel(java.util.logging.Level.ALL));
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
        try {
            scenarios.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            okhttpLoggers.forEach(l -> l.setLevel(null));
            julRoot.removeHandler(julHandler);
            julRoot.setLevel(julLevel);
            root.detachAppender(events);
            root.addAppender(consoleAppender);
            root.setLevel(rootLevel);
            waotp.setLevel(waotpLevel);
        }
        StringBuilder all = new StringBuilder(console.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent event : List.copyOf(events.list)) {
            all.append('\n').append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                all.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        julRecords.forEach(record -> all.append('\n').append(record));
        assertThat(events.list).as("SLF4J events captured").isNotEmpty();
        return all.toString();
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }

    private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        Set<Class<?>> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The public classes of one package, read from the directory or jar that holds it. */
    private static Set<Class<?>> publicTypes(String packageName) throws Exception {
        String path = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        ClassLoader loader = SecretsEverywhereTest.class.getClassLoader();
        for (URL url : Collections.list(loader.getResources(path))) {
            if (url.getProtocol().equals("file")) {
                String[] files = new File(url.toURI()).list();
                for (String file : files == null ? new String[0] : files) {
                    names.add(file);
                }
            } else if (url.getProtocol().equals("jar")) {
                try (var jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(path.length() + 1)));
                }
            }
        }
        Set<Class<?>> types = new java.util.HashSet<>();
        for (String file : names) {
            if (file.endsWith(".class") && !file.endsWith("Test.class") && !file.contains("Test$")) {
                Class<?> type = Class.forName(packageName + "." + file.substring(0, file.length() - 6), false, loader);
                boolean visible = Modifier.isPublic(type.getModifiers())
                        && (type.getEnclosingClass() == null || Modifier.isPublic(type.getEnclosingClass().getModifiers()));
                if (visible && !type.isAnonymousClass() && !type.isSynthetic()) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
