package dev.waotp.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the stub posts the status callbacks Kaleyra would post after each accepted send,
 * in the format of Kaleyra's pages (see {@code CallbackPayloads}). Give it to
 * {@link KaleyraStub.Builder#callbacks(StubCallbacks)}.
 *
 * <pre>{@code
 * KaleyraStub stub = KaleyraStub.builder()
 *         .callbacks(StubCallbacks.to("http://127.0.0.1:8080/waotp/callbacks")
 *                 .basic("kaleyra", "secret")
 *                 .outcome("+919000000001", DeliveryOutcome.failed(131026, "Message undeliverable"))
 *                 .build())
 *         .start();
 * }</pre>
 */
public final class StubCallbacks {
    private final Supplier<@Nullable HttpUrl> url;
    final Map<String, String> headers;
    final Map<String, DeliveryOutcome> outcomes;
    final DeliveryOutcome defaultOutcome;
    final boolean duplicates;
    final boolean outOfOrder;
    final Duration delay;

    private StubCallbacks(Builder builder) {
        this.url = builder.url;
        this.headers = Map.copyOf(builder.headers);
        this.outcomes = Map.copyOf(builder.outcomes);
        this.defaultOutcome = builder.defaultOutcome;
        this.duplicates = builder.duplicates;
        this.outOfOrder = builder.outOfOrder;
        this.delay = builder.delay;
    }

    /** Callbacks to {@code url}, {@code http} or {@code https}. */
    public static Builder to(String url) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
        if (parsed == null) {
            throw new IllegalArgumentException("callback url must be an http or https URL");
        }
        return new Builder(() -> parsed);
    }

    /**
     * Callbacks to the URL {@code url} gives when each callback is posted: for an application whose
     * port is known only once its server has started ({@code server.port=0}). A callback for which it
     * gives {@code null} or no http(s) URL is not posted and is listed as unanswered (status -1).
     */
    public static Builder to(Supplier<@Nullable String> url) {
        Objects.requireNonNull(url, "url");
        return new Builder(() -> {
            String current = url.get();
            return current == null ? null : HttpUrl.parse(current);
        });
    }

    /** Where the next callback goes: null when the URL is not known yet. */
    @Nullable HttpUrl url() {
        return url.get();
    }

    @Override
    public String toString() {
        return "StubCallbacks{url=" + url.get() + ", headers=" + headers.keySet() + ", outcomes=" + outcomes.size()
                + ", duplicates=" + duplicates + ", outOfOrder=" + outOfOrder + "}";
    }

    /** The callback profile the stub plays: URL, credentials and what happens to each number. */
    public static final class Builder {
        private final Supplier<@Nullable HttpUrl> url;
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, DeliveryOutcome> outcomes = new HashMap<>();
        private DeliveryOutcome defaultOutcome = DeliveryOutcome.delivered();
        private boolean duplicates;
        private boolean outOfOrder;
        private Duration delay = Duration.ofMillis(20);

        private Builder(Supplier<@Nullable HttpUrl> url) {
            this.url = url;
        }

        /** Basic authentication on every callback. */
        public Builder basic(String username, String password) {
            headers.put("Authorization", Credentials.basic(username, password));
            return this;
        }

        /** {@code Authorization: Bearer token} on every callback (Kaleyra's advanced authentication). */
        public Builder bearer(String token) {
            headers.put("Authorization", "Bearer " + Objects.requireNonNull(token, "token"));
            return this;
        }

        /** A fixed extra header on every callback. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** What happens to messages to {@code number} (E.164); others get the default outcome. */
        public Builder outcome(String number, DeliveryOutcome outcome) {
            outcomes.put(Objects.requireNonNull(number, "number"), Objects.requireNonNull(outcome, "outcome"));
            return this;
        }

        /** What happens to messages to numbers without their own outcome; default {@link DeliveryOutcome#delivered()}. */
        public Builder defaultOutcome(DeliveryOutcome outcome) {
            this.defaultOutcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        /** Posts every callback twice, as Kaleyra may. */
        public Builder duplicates() {
            this.duplicates = true;
            return this;
        }

        /** Posts each message's callbacks last first ({@code delivered} before {@code sent}). */
        public Builder outOfOrder() {
            this.outOfOrder = true;
            return this;
        }

        /** How long after the 202 the first callback is posted; default 20 ms. */
        public Builder delay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.delay = delay;
            return this;
        }

        /** The callbacks as set. */
        public StubCallbacks build() {
            return new StubCallbacks(this);
        }

        @Override
        public String toString() {
            return "StubCallbacks.Builder{url=" + url.get() + ", headers=" + headers.keySet() + "}";
        }
    }

    DeliveryOutcome outcome(String number) {
        return outcomes.getOrDefault(number, defaultOutcome);
    }
}
