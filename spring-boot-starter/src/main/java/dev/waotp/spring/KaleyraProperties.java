package dev.waotp.spring;

import dev.waotp.Region;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.kaleyra.*} properties the {@link dev.waotp.KaleyraClient} bean is built from. The
 * defaults are the client builder's own, declared here so that the IDE metadata shows them;
 * {@code ConfigurationMetadataTest} keeps the two equal. Public for Spring's binder and the metadata only.
 *
 * @param sid Account SID, shown beside the API key on kaleyra.io. Required.
 * @param apiKey API key of the account, sent in the api-key header only. Required; set it from the
 *     environment (WAOTP_KALEYRA_APIKEY) or a secret store rather than a file in source control.
 * @param region Region of the account: IN, SG, EU or NA. Required unless base-url is set.
 * @param baseUrl Base URL instead of the region's, for a local stub or a proxy: https, or http to a
 *     loopback address only.
 * @param businessNumber WhatsApp business number registered with Kaleyra, in E.164 form such as
 *     +919876543210. Required.
 * @param wabaId WhatsApp Business Account id, letters and digits: the account whose template statuses
 *     the waotp health indicator reads from Kaleyra. Without it the indicator hears of statuses only
 *     through TemplateStatuses.update.
 * @param callbackProfileId Kaleyra callback profile that hears the delivery status of every message the client
 *     sends (1 to 64 letters, digits, '-' or '_'); unset, the business number's own profile applies.
 * @param connectTimeout How long to wait for a connection.
 * @param readTimeout How long to wait for each read of the answer.
 * @param writeTimeout How long to wait for each write of the request.
 * @param callTimeout The most one attempt may take from start to answer.
 * @param deadline The most one send may take, every attempt and wait included.
 * @param maxConcurrentRequests How many async sends may be in flight at once, 1 to 1024.
 * @param retry Which failed sends are tried again.
 */
@ConfigurationProperties("waotp.kaleyra")
public record KaleyraProperties(
        @Nullable String sid,
        @Nullable String apiKey,
        @Nullable Region region,
        @Nullable String baseUrl,
        @Nullable String businessNumber,
        @Nullable String wabaId,
        @Nullable String callbackProfileId,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("64") int maxConcurrentRequests,
        @DefaultValue Retry retry) {

    /** Names the settings but never shows the API key. */
    @Override
    public String toString() {
        return "KaleyraProperties{sid=" + sid + ", region=" + region + ", baseUrl=" + baseUrl
                + ", businessNumber=" + businessNumber + ", apiKey=" + (apiKey == null ? "unset" : "****") + "}";
    }

    /**
     * The {@code waotp.kaleyra.retry.*} properties. Only 5xx answers and connection failures are retried,
     * never a 4xx.
     *
     * @param maxAttempts Attempts in all, the first included, 1 (no retry) to 10.
     * @param initialBackoff Wait before the first retry, doubled for each further one.
     * @param maxBackoff Longest wait between attempts.
     * @param retryUnconfirmed Whether to retry when the request may have reached Kaleyra but no answer
     *     came, which can deliver a code twice.
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("true") boolean retryUnconfirmed) {}
}
