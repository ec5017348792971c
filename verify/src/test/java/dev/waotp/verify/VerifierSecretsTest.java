package dev.waotp.verify;

import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.verify.tck.StubPhone;
import static dev.waotp.verify.tck.StubPhone.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.waotp.testing.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE, a login with successes, wrong codes, a failed send, a failing store and
 * a throwing listener leaves no code, no HMAC of a code and no secret in the logs, in exception
 * messages and stack traces, or in the {@code toString()} of anything the caller can reach.
 * Codes are 10 alphanumeric characters here, so none can match a port, an id or a time by chance.
 */
class VerifierSecretsTest {
    private static final byte[] SECRET =
            "S3cr3t-N3VER-pr1nted-0042-xyzzy-plugh".getBytes(StandardCharsets.US_ASCII);

    private final StubPhone phone = new StubPhone();
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levels = Map.of(Logger.ROOT_LOGGER_NAME, Level.WARN, "dev.waotp", Level.ERROR);
    private final List<Object> seen = new ArrayList<>();
    private Appender<ILoggingEvent> console;

    @BeforeEach
    void captureEveryLogLine() {
        levels.keySet().forEach(name -> logging.getLogger(name).setLevel(Level.TRACE));
        logs.setContext(logging);
        logs.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        console = root.getAppender("CONSOLE");
        root.detachAppender(console);
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogging() {
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.addAppender(console);
        levels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        phone.close();
    }

    @Test
    void noCodeHmacOrSecretLeavesTheVerifier() {
        boolean[] storeDown = {false};
        ForwardingStore store = new ForwardingStore() {
            @Override
            public CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules) {
                if (storeDown[0]) {
                    throw new VerificationStoreException("store down");
                }
                return super.check(key, candidates, now, rules);
            }

            @Override
            public void discard(VerificationKey key, byte[] hmac) {
                throw new IllegalStateException("discard failed");
            }
        };
        InMemoryVerificationStore memory = store.memory;
        Verifier.Builder builder = Verifier.builder().sender(phone.sender()).secret(SECRET).store(store)
                .alphabet(CodeAlphabet.ALPHANUMERIC).codeLength(10).resendAfter(Duration.ZERO)
                .listener(new VerificationListener() {
                    @Override
                    public void checked(CheckResult result) {
                        throw new IllegalStateException("listener broke");
                    }
                });
        Verifier verifier = builder.build();
        seen.addAll(List.of(builder, verifier, store, memory, RateLimits.defaults()));

        seen.add(verifier.start(PHONE, "caller"));
        seen.add(verifier.check(PHONE, "WRONG00000"));
        seen.add(verifier.check(PHONE, phone.lastCode()));
        seen.add(verifier.start(PHONE, "caller"));
        storeDown[0] = true;
        seen.add(catchThrowable(() -> verifier.check(PHONE, phone.lastCode())));
        phone.stub().failNext(1, Fault.lowBalance());
        seen.add(catchThrowable(() -> verifier.start(PHONE, "caller")));
        seen.add(catchThrowable(() -> Verifier.builder().secret(Arrays.copyOf(SECRET, 31))));

        List<String> codes = phone.received().stream().map(m -> m.otp()).toList();
        assertThat(codes).hasSize(2);
        String everything = everythingPrinted();
        assertThat(everything).contains("listener broke", "store down", "discard failed");
        for (String secret : secretForms(codes)) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    /** Each code (and its lower case), each code's HMAC and the secret, as text, hex, Base64 and arrays. */
    private List<String> secretForms(List<String> codes) {
        CodeHasher hasher = new CodeHasher(List.of(SECRET));
        List<byte[]> raw = new ArrayList<>(List.of(SECRET));
        List<String> forms = new ArrayList<>(List.of(new String(SECRET, StandardCharsets.US_ASCII)));
        for (String code : codes) {
            forms.add(code);
            forms.add(code.toLowerCase(Locale.ROOT));
            raw.add(hasher.hmac(Verifier.DEFAULT_PURPOSE, PHONE, code));
        }
        for (byte[] bytes : raw) {
            forms.add(HexFormat.of().formatHex(bytes));
            forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Arrays.toString(bytes));
        }
        return forms;
    }

    private String everythingPrinted() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            all.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                all.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        for (Object object : seen) {
            all.append(object).append('\n');
            if (object instanceof Throwable thrown) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                all.append(trace).append('\n');
            }
        }
        return all.toString();
    }
}
