package dev.waotp.spring;

import dev.waotp.testing.StubCallbacks;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * In dev mode with the delivery callback endpoint configured ({@code waotp.callbacks.path}), the stub
 * plays the application's Kaleyra callback profile: after each accepted send it posts {@code sent} and
 * {@code delivered} (or, for {@code waotp.dev.numbers.failed} and {@code .not-sent}, that failure) to that
 * endpoint on this application, with the credentials of
 * {@code waotp.callbacks.*}. The stub starts before the web server, so the port is looked up at each
 * post: the port the server listens on ({@code local.server.port}, a random one included), or
 * {@code server.port} (8080 when unset) before it has started.
 */
final class DevModeCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(DevModeAutoConfiguration.class);

    private DevModeCallbacks() {}

    static Optional<StubCallbacks> of(Environment environment, DevModeProperties.Numbers numbers) {
        String path = environment.getProperty("waotp.callbacks.path");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        Supplier<@Nullable String> url = () -> {
            int port = environment.getProperty("local.server.port", Integer.class,
                    environment.getProperty("server.port", Integer.class, 8080));
            return port > 0 ? "http://127.0.0.1:" + port + contextPath + path : null;
        };
        CallbackProperties properties = Binder.get(environment).bind("waotp.callbacks", CallbackProperties.class)
                .orElseThrow(() -> new IllegalStateException("waotp.callbacks.path is set, yet nothing was bound"));
        StubCallbacks.Builder callbacks = StubCallbacks.to(url);
        if (properties.basic().username() != null && properties.basic().password() != null) {
            callbacks.basic(properties.basic().username(), properties.basic().password());
        }
        if (properties.bearerToken() != null) {
            callbacks.bearer(properties.bearerToken());
        }
        if (properties.header().name() != null && properties.header().value() != null) {
            callbacks.header(properties.header().name(), properties.header().value());
        }
        DevModeNumbers.outcomes(numbers, callbacks);
        LOG.info("waotp dev mode: the stub posts delivery callbacks (sent, delivered) to {} on this application's"
                + " port", contextPath + path);
        return Optional.of(callbacks.build());
    }
}
