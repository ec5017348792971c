package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import dev.waotp.RetryPolicy;
import dev.waotp.SendListener;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Builds the client from {@link KaleyraProperties}. Every problem becomes a {@link WaotpStartupException}
 * that names the property (not the builder method) and says how to fix it.
 */
final class KaleyraClientFactory {
    private static final String PREFIX = "waotp.kaleyra.";

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

    static KaleyraClient create(KaleyraProperties properties, SendListener listener) {
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
            KaleyraClientBuilder builder = KaleyraClient.builder()
                    .sid(properties.sid())
                    .apiKey(properties.apiKey())
                    .businessNumber(properties.businessNumber())
                    .connectTimeout(properties.connectTimeout())
                    .readTimeout(properties.readTimeout())
                    .writeTimeout(properties.writeTimeout())
                    .callTimeout(properties.callTimeout())
                    .deadline(properties.deadline())
                    .maxConcurrentRequests(properties.maxConcurrentRequests())
                    .retryPolicy(retryPolicy(properties.retry()))
                    .listener(listener);
            PropertyMapper map = PropertyMapper.get();
            map.from(properties.region()).to(builder::region);
            map.from(properties.baseUrl()).to(builder::baseUrl);
            map.from(properties.wabaId()).to(builder::wabaId);
            map.from(properties.callbackProfileId()).to(builder::callbackProfileId);
            return builder.build();
        } catch (InvalidInputException e) {
            throw invalid(WaotpStartupException.kebabCase(e.field()), e.rule(), e);
        }
    }

    private static RetryPolicy retryPolicy(KaleyraProperties.Retry retry) {
        try {
            return RetryPolicy.builder()
                    .maxAttempts(retry.maxAttempts())
                    .initialBackoff(retry.initialBackoff())
                    .maxBackoff(retry.maxBackoff())
                    .retryUnconfirmed(retry.retryUnconfirmed())
                    .build();
        } catch (InvalidInputException e) {
            throw invalid("retry." + WaotpStartupException.kebabCase(e.field()), e.rule(), e);
        }
    }

    private static void require(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(property, "is required", null);
        }
    }

    private static WaotpStartupException invalid(String property, String rule, @Nullable Throwable cause) {
        return WaotpStartupException.invalidProperty(PREFIX + property, rule, FIXES.get(property), cause);
    }
}
