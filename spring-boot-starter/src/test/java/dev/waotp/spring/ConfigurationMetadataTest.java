package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and document the properties is generated, with descriptions. */
class ConfigurationMetadataTest {
    @Test
    void everyPropertyIsDescribed() throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        Map<String, String> defaults = new HashMap<>();
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(json).get("properties")) {
                descriptions.put(property.get("name").asText(), property.path("description").asText());
                defaults.put(property.get("name").asText(), property.path("defaultValue").asText());
            }
        }

        assertThat(descriptions).containsKeys("waotp.kaleyra.sid", "waotp.kaleyra.api-key", "waotp.kaleyra.region",
                "waotp.kaleyra.base-url", "waotp.kaleyra.business-number", "waotp.kaleyra.connect-timeout",
                "waotp.kaleyra.read-timeout", "waotp.kaleyra.write-timeout", "waotp.kaleyra.call-timeout",
                "waotp.kaleyra.deadline", "waotp.kaleyra.max-concurrent-requests", "waotp.kaleyra.retry.max-attempts",
                "waotp.kaleyra.retry.initial-backoff", "waotp.kaleyra.retry.max-backoff",
                "waotp.kaleyra.retry.retry-unconfirmed", "waotp.verify.secret", "waotp.verify.sender",
                "waotp.verify.lifetime", "waotp.verify.max-attempts", "waotp.verify.resend-after",
                "waotp.verify.max-sends", "waotp.verify.limits.per-phone.count",
                "waotp.verify.limits.per-caller.period", "waotp.verify.limits.per-application.enabled",
                "waotp.callbacks.path", "waotp.callbacks.basic.username", "waotp.callbacks.basic.password",
                "waotp.callbacks.bearer-token", "waotp.callbacks.header.name", "waotp.callbacks.header.value",
                "waotp.callbacks.open",
                "waotp.kaleyra.waba-id", "waotp.health.refresh");
        assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
        assertThat(descriptions.get("waotp.kaleyra.api-key")).startsWith("API key of the account");
        assertThat(defaults.get("waotp.health.refresh")).isEqualTo("10m");
    }
}
