package dev.waotp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body Kaleyra answers with, success or error: {@code code}, {@code message}, {@code data} (an
 * object with {@code message_id} on success, an object or an empty array otherwise) and {@code error}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiResponse(
        @JsonProperty("code") @Nullable String code,
        @JsonProperty("message") @Nullable String message,
        @JsonProperty("data") @Nullable JsonNode data,
        @JsonProperty("error") @Nullable JsonNode error) {}
