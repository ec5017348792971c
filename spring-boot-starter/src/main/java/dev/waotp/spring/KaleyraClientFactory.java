package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import dev.waotp.RetryPolicy;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the client from {@link KaleyraProperties}. Every problem becomes a {@link WaotpStartupException}
 * that names the property (not the builder method) and says how to fix it.
 */
final class KaleyraClientFactory {
    static final String PREFIX = "waotp.kaleyra.";

    /** The builder's field names, as {@link InvalidInputException#field()} reports them, to property names. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("sid", "sid"),
            Map.entry("apiKey", "api-key"),
            Map.entry("region", "region"),
            Map.entry("baseUrl", "base-url"),
            Map.entry("businessNumber", "business-number"),
            Map.entry("connectTimeout", "connect-timeout"),
            Map.entry("readTimeout", "read-timeout"),
            Map.entry("writeTimeout", "write-timeout"),
            Map.entry("callTimeout", "call-timeout"),
            Map.entry("deadline", "deadline"),
            Map.entry("maxConcurrentRequests", "max-concurrent-requests"),
            Map.entry("maxAttempts", "retry.max-attempts"),
            Map.entry("initialBackoff", "retry.initial-backoff"),
            Map.entry("maxBackoff", "retry.max-backoff"));

    /** How to fix each property; the others get a generic sentence. */
    private static final Map<String, String> FIXES = Map.of(
            "sid", "Set waotp.kaleyra.sid to the SID of your Kaleyra account, shown beside the API key on kaleyra.io.",
            "api-key", "Set waotp.kaleyra.api-key to the API key of your Kaleyra account, for example through the"
                    + " environment variable WAOTP_KALEYRA_APIKEY rather than a file in source control.",
            "business-number", "Set waotp.kaleyra.business-number to the WhatsApp business number registered"
                    + " with Kaleyra, in E.164 form such as +919876543210.",
            "region", "Set waotp.kaleyra.region to the region of your Kaleyra account (IN, SG, EU or NA),"
                    + " or waotp.kaleyra.base-url to the address of a local stub.",
            "base-url", "Set either waotp.kaleyra.region or waotp.kaleyra.base-url, not both; a base-url must use"
                    + " https, or http to a loopback address such as a local stub.");

    private KaleyraClientFactory() {}

    static KaleyraClient create(KaleyraProperties properties) {
        require("sid", properties.sid());
        require("api-key", properties.apiKey());
        require("business-number", properties.businessNumber());
        if (properties.region() == null && properties.baseUrl() == null) {
            throw invalid("region", "is required, or waotp.kaleyra.base-url for a local stub", null);
        }
        if (properties.region() != null && properties.baseUrl() != null) {
            throw invalid("base-url", "cannot be set together with waotp.kaleyra.region", null);
        }
        try {
            KaleyraClient.Builder builder = KaleyraClient.builder()
                    .sid(properties.sid())
                    .apiKey(properties.apiKey())
                    .businessNumber(properties.businessNumber())
                    .retryPolicy(retryPolicy(properties.retry()));
            ifSet(properties.region(), builder::region);
            ifSet(properties.baseUrl(), builder::baseUrl);
            ifSet(properties.connectTimeout(), builder::connectTimeout);
            ifSet(properties.readTimeout(), builder::readTimeout);
            ifSet(properties.writeTimeout(), builder::writeTimeout);
            ifSet(properties.callTimeout(), builder::callTimeout);
            ifSet(properties.maxConcurrentRequests(), builder::maxConcurrentRequests);
            return builder.build();
        } catch (InvalidInputException e) {
            throw invalid(PROPERTIES.getOrDefault(e.field(), e.field()), e.rule(), e);
        }
    }

    private static RetryPolicy retryPolicy(KaleyraProperties.Retry retry) {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        ifSet(retry.maxAttempts(), builder::maxAttempts);
        ifSet(retry.initialBackoff(), builder::initialBackoff);
        ifSet(retry.maxBackoff(), builder::maxBackoff);
        ifSet(retry.retryUnconfirmed(), builder::retryUnconfirmed);
        return builder.build();
    }

    private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void require(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(property, "is required", null);
        }
    }

    private static WaotpStartupException invalid(String property, String rule, @Nullable Throwable cause) {
        String name = PREFIX + property;
        String fix = FIXES.getOrDefault(property, "Correct " + name + " in the application's configuration.");
        return WaotpStartupException.invalidProperty(name, rule, fix, cause);
    }
}
