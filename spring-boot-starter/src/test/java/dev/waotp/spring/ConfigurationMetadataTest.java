package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.KaleyraClient;
import dev.waotp.RetryPolicy;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.redis.RedisVerificationStore;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The metadata IDEs read to complete and document the properties is generated, with descriptions and
 * defaults; each default shown is the one the builder uses when the setting is not given, so the
 * builders stay the one source of each and a change there fails here.
 */
class ConfigurationMetadataTest {
    private static final Map<String, String> descriptions = new HashMap<>();
    private static final Map<String, JsonNode> defaults = new HashMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        try (InputStream json = ConfigurationMetadataTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(json).get("properties")) {
                String name = property.get("name").asString();
                descriptions.put(name, property.path("description").asString());
                if (property.has("defaultValue")) {
                    defaults.put(name, property.get("defaultValue"));
                }
            }
        }
    }

    @Test
    void everyPropertyIsDescribed() {
        assertThat(descriptions).containsKeys("waotp.kaleyra.sid", "waotp.kaleyra.api-key", "waotp.kaleyra.region",
                "waotp.kaleyra.base-url", "waotp.kaleyra.business-number", "waotp.kaleyra.connect-timeout",
                "waotp.kaleyra.read-timeout", "waotp.kaleyra.write-timeout", "waotp.kaleyra.call-timeout",
                "waotp.kaleyra.deadline", "waotp.kaleyra.max-concurrent-requests", "waotp.kaleyra.retry.max-attempts",
                "waotp.kaleyra.retry.initial-backoff", "waotp.kaleyra.retry.max-backoff",
                "waotp.kaleyra.retry.retry-unconfirmed", "waotp.verify.secret", "waotp.verify.sender",
                "waotp.verify.store", "waotp.verify.redis.key-prefix", "waotp.verify.previous-secrets",
                "waotp.verify.max-failures", "waotp.verify.lockout", "waotp.verify.lifetime-beyond-nist",
                "waotp.verify.lifetime", "waotp.verify.max-attempts", "waotp.verify.resend-after",
                "waotp.verify.max-sends", "waotp.verify.limits.per-phone.count",
                "waotp.verify.limits.per-caller.period", "waotp.verify.limits.per-application.enabled",
                "waotp.verify.limits.per-caller-checks.count",
                "waotp.callbacks.path", "waotp.callbacks.basic.username", "waotp.callbacks.basic.password",
                "waotp.callbacks.bearer-token", "waotp.callbacks.header.name", "waotp.callbacks.header.value",
                "waotp.callbacks.open",
                "waotp.kaleyra.waba-id", "waotp.kaleyra.callback-profile-id", "waotp.health.refresh",
                "waotp.dev.enabled", "waotp.dev.messages-path", "waotp.dev.numbers.failed",
                "waotp.dev.numbers.not-sent", "waotp.dev.numbers.refused", "waotp.sms.allowed-regions");
        assertThat(descriptions).doesNotContainKey("waotp.sms.allowed-country-codes");
        assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
        assertThat(descriptions.get("waotp.kaleyra.api-key")).startsWith("API key of the account");
        assertThat(defaults.get("waotp.health.refresh").asString()).isEqualTo("10m");
        assertThat(descriptions.get("waotp.sms.allowed-regions")).startsWith("Regions SMS may go to, as ISO 3166-1");
    }

    @Test
    void theClientsDefaultsAreTheBuildersOwn() throws ReflectiveOperationException {
        Object client = KaleyraClient.builder();
        assertThat(duration("waotp.kaleyra.connect-timeout")).isEqualTo(field(client, "connectTimeout"));
        assertThat(duration("waotp.kaleyra.read-timeout")).isEqualTo(field(client, "readTimeout"));
        assertThat(duration("waotp.kaleyra.write-timeout")).isEqualTo(field(client, "writeTimeout"));
        assertThat(duration("waotp.kaleyra.call-timeout")).isEqualTo(field(client, "callTimeout"));
        assertThat(duration("waotp.kaleyra.deadline")).isEqualTo(field(client, "deadline"));
        assertThat(defaults.get("waotp.kaleyra.max-concurrent-requests").asInt())
                .isEqualTo(call(client, "maxConcurrentRequests"));

        RetryPolicy retry = RetryPolicy.builder().build();
        assertThat(defaults.get("waotp.kaleyra.retry.max-attempts").asInt()).isEqualTo(retry.maxAttempts());
        assertThat(duration("waotp.kaleyra.retry.initial-backoff")).isEqualTo(retry.initialBackoff());
        assertThat(duration("waotp.kaleyra.retry.max-backoff")).isEqualTo(retry.maxBackoff());
        assertThat(defaults.get("waotp.kaleyra.retry.retry-unconfirmed").asBoolean())
                .isEqualTo(retry.retryUnconfirmed());
    }

    @Test
    void theVerifiersDefaultsAreTheBuildersOwn() throws ReflectiveOperationException {
        Object verifier = Verifier.builder();
        assertThat(defaults.get("waotp.verify.code-length").asInt()).isEqualTo(field(verifier, "codeLength"));
        assertThat(defaults.get("waotp.verify.alphabet").asString()).isEqualTo(field(verifier, "alphabet").toString());
        assertThat(duration("waotp.verify.lifetime")).isEqualTo(field(verifier, "lifetime"));
        assertThat(defaults.get("waotp.verify.lifetime-beyond-nist").asBoolean())
                .isEqualTo(field(verifier, "lifetimeBeyondNist"));
        assertThat(defaults.get("waotp.verify.max-attempts").asInt()).isEqualTo(field(verifier, "maxAttempts"));
        assertThat(defaults.get("waotp.verify.max-failures").asInt()).isEqualTo(field(verifier, "maxFailures"));
        assertThat(duration("waotp.verify.lockout")).isEqualTo(field(verifier, "lockout"));
        assertThat(duration("waotp.verify.resend-after")).isEqualTo(field(verifier, "resendAfter"));
        assertThat(defaults.get("waotp.verify.max-sends").asInt()).isEqualTo(field(verifier, "maxSends"));
        assertThat(duration("waotp.verify.store-timeout")).isEqualTo(field(verifier, "storeTimeout"));
        assertThat(field(verifier, "previousSecrets")).isEqualTo(List.of());
    }

    @Test
    void theKeyPrefixDefaultGivesTheRedisStoresOwnPrefix() throws ReflectiveOperationException {
        RedisClient client = RedisClient.create();
        try {
            assertThat(defaults.get("waotp.verify.redis.key-prefix").asString() + "verify:")
                    .isEqualTo(field(RedisVerificationStore.builder(client), "keyPrefix"));
        } finally {
            client.shutdown();
        }
    }

    private static Duration duration(String property) {
        assertThat(defaults).as(property + " has a default").containsKey(property);
        return ApplicationConversionService.getSharedInstance().convert(defaults.get(property).asString(),
                Duration.class);
    }

    /** A builder's default as it keeps it: its fields are package-private, and tests run on the class path. */
    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    field.setAccessible(true);
                    return field.get(target);
                }
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        Method method = target.getClass().getDeclaredMethod(name);
        method.setAccessible(true);
        return method.invoke(target);
    }
}
