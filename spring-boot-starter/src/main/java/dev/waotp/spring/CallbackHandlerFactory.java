package dev.waotp.spring;

import dev.waotp.CallbackHandler;
import dev.waotp.DeliveryListener;
import dev.waotp.TemplateStatusListener;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the {@link CallbackHandler} from {@code waotp.callbacks.*}, failing start-up with a clear report. */
final class CallbackHandlerFactory {
    private CallbackHandlerFactory() {}

    static CallbackHandler create(CallbackProperties properties, List<DeliveryListener> listeners,
            List<TemplateStatusListener> templateStatusListeners) {
        String path = properties.path();
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
            throw WaotpStartupException.invalidProperty("waotp.callbacks.path", "must be a path starting with /",
                    null, null);
        }
        CallbackHandler.Builder builder = CallbackHandler.builder();
        boolean credentials = false;
        CallbackProperties.Basic basic = properties.basic();
        if ((basic.username() != null || basic.password() != null) && properties.bearerToken() != null) {
            throw new WaotpStartupException("The properties waotp.callbacks.basic.* and waotp.callbacks.bearer-token"
                    + " are both set, and both ride in the one Authorization header: no callback could carry both,"
                    + " so every callback would be refused.",
                    "Keep the one your Kaleyra callback profile sends: waotp.callbacks.basic.username and .password,"
                            + " or waotp.callbacks.bearer-token. A fixed extra header (waotp.callbacks.header.*) can"
                            + " go with either.", null);
        }
        if (pair("waotp.callbacks.basic.username", basic.username(), "waotp.callbacks.basic.password", basic.password())) {
            builder.basic(basic.username(), basic.password());
            credentials = true;
        }
        if (properties.bearerToken() != null) {
            if (properties.bearerToken().isBlank()) {
                throw WaotpStartupException.invalidProperty("waotp.callbacks.bearer-token", "must not be blank", null, null);
            }
            builder.bearer(properties.bearerToken());
            credentials = true;
        }
        CallbackProperties.Header header = properties.header();
        if (pair("waotp.callbacks.header.name", header.name(), "waotp.callbacks.header.value", header.value())) {
            builder.header(header.name(), header.value());
            credentials = true;
        }
        if (!credentials) {
            if (!properties.open()) {
                throw new WaotpStartupException("The delivery callback endpoint at " + path
                        + " has no credentials: anyone who can reach it could post delivery statuses.",
                        "Set waotp.callbacks.basic.username and .password, waotp.callbacks.bearer-token, or "
                                + "waotp.callbacks.header.name and .value to what your Kaleyra callback profile sends. "
                                + "To accept unauthenticated callbacks anyway, set waotp.callbacks.open=true.", null);
            }
            builder.open();
        }
        listeners.forEach(builder::listener);
        templateStatusListeners.forEach(builder::templateStatusListener);
        return builder.build();
    }

    /** Both set (and not blank), or neither; one alone is a mistake worth stopping for. */
    private static boolean pair(String firstName, @Nullable String first, String secondName, @Nullable String second) {
        if (first == null && second == null) {
            return false;
        }
        if (first == null || first.isBlank()) {
            throw WaotpStartupException.invalidProperty(firstName, "is required when " + secondName + " is set", null, null);
        }
        if (second == null || second.isBlank()) {
            throw WaotpStartupException.invalidProperty(secondName, "is required when " + firstName + " is set", null, null);
        }
        return true;
    }
}
