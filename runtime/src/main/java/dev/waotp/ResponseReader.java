package dev.waotp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Turns Kaleyra's answer into a {@link SendResult} or the exception its code stands for. This is the
 * one place where a Kaleyra code is mapped to an exception type.
 */
final class ResponseReader {
    private final ObjectReader reader;

    ResponseReader(ObjectMapper mapper) {
        this.reader = mapper.readerFor(ApiResponse.class);
    }

    /**
     * Every 2xx is a {@link SendResult}, whatever its body, even one that stalls or is cut off while
     * it is read: the status says Kaleyra took the message, and reporting it as a failure would invite
     * a second send. Every other status is the exception it stands for, read or not.
     *
     * @throws KaleyraApiException for every other status
     */
    SendResult read(int status, @Nullable Duration retryAfter, @Nullable ResponseBody body) {
        ApiResponse answer = parse(body);
        if (status >= 200 && status < 300) {
            return answer == null
                    ? new SendResult(List.of(), null, null)
                    : new SendResult(messageIds(answer.data()), answer.code(), answer.message());
        }
        throw error(new ApiError(status, answer == null ? null : answer.code(),
                answer == null ? null : answer.message(), errors(answer), retryAfter));
    }

    /**
     * The exception a non-2xx answer of any Kaleyra endpoint stands for, by the same mapping as a
     * send's: the template list answers with the same error bodies.
     */
    KaleyraApiException failure(int status, @Nullable Duration retryAfter, @Nullable ResponseBody body) {
        ApiResponse answer = parse(body);
        return error(new ApiError(status, answer == null ? null : answer.code(),
                answer == null ? null : answer.message(), errors(answer), retryAfter));
    }

    /** The answer, or {@code null} when there is none to read: no body, an empty one, one cut off, not JSON. */
    private @Nullable ApiResponse parse(@Nullable ResponseBody body) {
        if (body == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = body.bytes();
        } catch (IOException unreadable) {
            return null;
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (JacksonException notAnObject) { // from a byte array: a parse or mapping error, nothing else
            return null;
        }
    }

    /** {@code data} is one object for one recipient, an array of them for several. */
    private static List<String> messageIds(@Nullable JsonNode data) {
        if (data == null) {
            return List.of();
        }
        if (!data.isArray()) {
            String id = messageId(data);
            return id == null ? List.of() : List.of(id);
        }
        List<String> ids = new ArrayList<>(data.size());
        for (JsonNode element : data) {
            String id = messageId(element);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static @Nullable String messageId(JsonNode data) {
        JsonNode id = data.get("message_id");
        return id != null && id.isString() && !id.stringValue().isEmpty() ? id.stringValue() : null;
    }

    private static KaleyraApiException error(ApiError error) {
        String code = error.code();
        if (code != null) {
            switch (code) {
                case "RBC001":
                    return new AuthenticationException(error);
                case "WA401":
                    return new PhoneNumberNotRegisteredException(error);
                case "WA400":
                    return new InvalidPayloadException(error);
                case "E110":
                    return new LowBalanceException(error);
                case "WAV2101":
                    return new DailyLimitReachedException(error);
                case "WA500":
                    return new KaleyraServerException(error);
                case "WA-401":
                    // One code, two causes: the error map's key tells them apart.
                    if (error.errors().containsKey("account")) {
                        return new ApiNotAvailableException(error);
                    }
                    if (error.errors().containsKey("phone_number")) {
                        return new WrongApiVersionException(error);
                    }
                    break;
                default:
                    break;
            }
        }
        return error.httpStatus() >= 500 ? new KaleyraServerException(error) : new KaleyraApiException(error);
    }

    private static Map<String, String> errors(@Nullable ApiResponse answer) {
        if (answer == null || answer.error() == null || !answer.error().isObject()) {
            return Map.of();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.error().properties().forEach(field -> errors.put(
                field.getKey(), field.getValue().isString() ? field.getValue().stringValue() : field.getValue().toString()));
        return errors;
    }
}
