package dev.waotp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Receives Kaleyra's delivery status callbacks, and its template-status callbacks posted to the same
 * endpoint, without a web framework: give it the request's headers and body, answer with
 * {@link CallbackResult#httpStatus()}. It checks the configured credentials first (in constant time; given
 * the body as a stream, it does not read a byte of it without them), then reads the body, then tells every {@link DeliveryListener}
 * of a delivery status, or every {@link TemplateStatusListener} of a template's status (a body with
 * {@code message_template_name}, see {@link TemplateStatusUpdate}). A callback that is refused changes
 * nothing.
 *
 * <pre>{@code
 * CallbackHandler handler = CallbackHandler.builder()
 *         .basic("kaleyra", System.getenv("CALLBACK_PASSWORD"))
 *         .listener(status -> log.info("delivery {}", status))
 *         .build();
 * // in any server:
 * CallbackResult result = handler.handle(headers, body);
 * response.setStatus(result.httpStatus());
 * }</pre>
 *
 * <p>Duplicates are not filtered: each accepted callback reaches the listeners, the same status
 * twice when Kaleyra posts it twice (see {@link DeliveryListener}). Which send a status belongs to:
 * see {@link DeliveryStatus}. Thread-safe.
 */
public final class CallbackHandler {
    /**
     * The largest body read, 64 KiB: Kaleyra's status callbacks are about 1 KB, so anything far larger
     * is not one. A server may stop reading after {@code MAX_BODY_BYTES + 1} bytes and pass those.
     */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);
    private static final CallbackResult UNAUTHENTICATED =
            new CallbackResult.Rejected(CallbackResult.Reason.UNAUTHENTICATED);

    private final CallbackCredentials credentials;
    private final List<DeliveryListener> listeners;
    private final List<TemplateStatusListener> templateStatusListeners;

    private CallbackHandler(Builder builder) {
        this.credentials = builder.credentials();
        this.listeners = List.copyOf(builder.listeners);
        this.templateStatusListeners = List.copyOf(builder.templateStatusListeners);
    }

    /** A builder; credentials (or an explicit {@link Builder#open()}) are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one callback request.
     *
     * @param headers the request's headers, names in any case
     * @param body the request's body as it arrived
     * @return {@link CallbackResult.Accepted} after every listener heard its statuses (or its
     *     template's status), or
     *     {@link CallbackResult.Rejected} when nothing was done
     * @throws RuntimeException whatever a listener threw; let the server answer 5xx, so Kaleyra retries
     */
    public CallbackResult handle(Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return handle(byName::get, body);
    }

    /**
     * Handles one callback request whose headers are read through a function, for example a
     * servlet's {@code name -> Collections.list(request.getHeaders(name))}.
     *
     * @param headers all values of the header with the given name (in any case), empty or
     *     {@code null} when it is absent
     */
    public CallbackResult handle(Function<String, @Nullable List<String>> headers, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (!authenticated(headers)) {
            return UNAUTHENTICATED;
        }
        return read(body);
    }

    /**
     * Handles one callback request whose body is still unread, as a server hands it over: the
     * credentials are checked from the headers first, and only then is the body read, at most
     * {@link #MAX_BODY_BYTES} and one byte more. A client without credentials is answered without a byte
     * of its body being waited for, so a slow body cannot hold the server's thread.
     *
     * @param headers all values of the header with the given name (in any case), empty or
     *     {@code null} when it is absent
     * @param body the request's body, not yet read; not closed here
     * @throws IOException when the body cannot be read
     */
    public CallbackResult handle(Function<String, @Nullable List<String>> headers, InputStream body)
            throws IOException {
        Objects.requireNonNull(body, "body");
        if (!authenticated(headers)) {
            return UNAUTHENTICATED;
        }
        return read(body.readNBytes(MAX_BODY_BYTES + 1));
    }

    private boolean authenticated(Function<String, @Nullable List<String>> headers) {
        if (credentials.matches(name -> headers.apply(name))) {
            return true;
        }
        log.warn("Refused a callback: credentials missing or wrong");
        return false;
    }

    private CallbackResult read(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            log.warn("Refused a callback: body of {} bytes is over {}", body.length, MAX_BODY_BYTES);
            return new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED);
        }
        JsonNode root;
        try {
            root = DeliveryStatusParser.read(body);
        } catch (DeliveryStatusParser.Malformed e) {
            log.warn("Refused a callback: {}", e.getMessage());
            return new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED);
        }
        return TemplateStatusParser.isTemplateStatus(root) ? templateStatus(root) : deliveryStatuses(root);
    }

    private CallbackResult deliveryStatuses(JsonNode root) {
        List<DeliveryStatus> statuses;
        try {
            statuses = DeliveryStatusParser.parse(root);
        } catch (DeliveryStatusParser.Malformed e) {
            log.warn("Refused a delivery callback: {}", e.getMessage());
            return new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED);
        }
        for (DeliveryStatus status : statuses) {
            for (DeliveryListener listener : listeners) {
                listener.onStatus(status);
            }
        }
        return new CallbackResult.Accepted(statuses);
    }

    private CallbackResult templateStatus(JsonNode root) {
        TemplateStatusUpdate update;
        try {
            update = TemplateStatusParser.parse(root);
        } catch (DeliveryStatusParser.Malformed e) {
            log.warn("Refused a template-status callback: {}", e.getMessage());
            return new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED);
        }
        for (TemplateStatusListener listener : templateStatusListeners) {
            listener.onTemplateStatus(update);
        }
        return new CallbackResult.Accepted(List.of(), List.of(update));
    }

    @Override
    public String toString() {
        return "CallbackHandler{" + credentials + ", listeners=" + listeners.size()
                + ", templateStatusListeners=" + templateStatusListeners.size() + "}";
    }

    /**
     * The credentials Kaleyra's callback profiles send and the listeners to tell. Every credential
     * set must be present on a callback; Basic and bearer exclude each other, a fixed header goes with
     * either. Values are never shown by {@code toString()}.
     */
    public static final class Builder {
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable String bearerToken;
        private @Nullable String headerName;
        private @Nullable String headerValue;
        private boolean open;
        private final List<DeliveryListener> listeners = new ArrayList<>();
        private final List<TemplateStatusListener> templateStatusListeners = new ArrayList<>();

        private Builder() {}

        /** Basic authentication, as set on the callback profile. */
        public Builder basic(String username, String password) {
            this.username = required("username", username);
            this.password = required("password", password);
            return this;
        }

        /** A bearer token in {@code Authorization: Bearer ...} (Kaleyra's "advanced authentication"). */
        public Builder bearer(String token) {
            this.bearerToken = required("bearerToken", token);
            return this;
        }

        /** A fixed extra header the callback profile adds, for example {@code X-Callback-Secret}. */
        public Builder header(String name, String value) {
            this.headerName = required("header.name", name);
            this.headerValue = required("header.value", value);
            return this;
        }

        /**
         * Accepts callbacks without any credential. Anyone who can reach the endpoint can then post
         * statuses; use it only behind something that authenticates Kaleyra, or in tests.
         */
        public Builder open() {
            this.open = true;
            return this;
        }

        /** Adds a listener; they are told in the order added. */
        public Builder listener(DeliveryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener of template-status callbacks; they are told in the order added. Without
         * one, such a callback is still authenticated, read and answered 200, and changes nothing.
         */
        public Builder templateStatusListener(TemplateStatusListener listener) {
            templateStatusListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @throws InvalidInputException when no credential is set and {@link #open()} was not called, or
         *     when both Basic and a bearer token are set: both ride in the one {@code Authorization} header,
         *     so no callback could carry both
         */
        public CallbackHandler build() {
            if (username != null && bearerToken != null) {
                throw new InvalidInputException("bearerToken", "cannot be set with basic: both ride in the one"
                        + " Authorization header, so every callback would be refused");
            }
            if (credentials().isEmpty() && !open) {
                throw new InvalidInputException("credentials",
                        "set basic, bearer or header, or call open() to accept unauthenticated callbacks");
            }
            return new CallbackHandler(this);
        }

        private CallbackCredentials credentials() {
            return new CallbackCredentials(username, password, bearerToken, headerName, headerValue);
        }

        private static String required(String field, @Nullable String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(field, "must not be blank");
            }
            return value;
        }

        @Override
        public String toString() {
            return "CallbackHandler.Builder{" + credentials() + ", open=" + open + "}";
        }
    }
}
