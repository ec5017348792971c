package dev.waotp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.ResponseBody;

/** Turns Kaleyra's answer into a {@link SendResult} or the exception its code stands for. */
final class ResponseReader {
    private final ObjectReader reader;

    ResponseReader(ObjectMapper mapper) {
        this.reader = mapper.readerFor(ApiResponse.class);
    }

    /**
     * @throws KaleyraApiException for every answer but a 2xx with a message id
     * @throws IOException when the body could not be read off the connection
     */
    SendResult read(int status, ResponseBody body) throws IOException {
        ApiResponse answer = parse(body);
        if (status >= 200 && status < 300) {
            String messageId = answer == null ? null : messageId(answer.data());
            if (messageId != null) {
                return new SendResult(messageId, answer.code(), answer.message());
            }
            throw new KaleyraApiException(status, answer == null ? null : answer.code(),
                    "accepted, but the answer has no data.message_id", errors(answer));
        }
        throw error(status, answer);
    }

    private ApiResponse parse(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.bytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (JacksonException notAnObject) {
            return null;
        }
    }

    private static String messageId(JsonNode data) {
        if (data == null) {
            return null;
        }
        JsonNode first = data.isArray() && !data.isEmpty() ? data.get(0) : data;
        JsonNode id = first.get("message_id");
        return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
    }

    private static KaleyraApiException error(int status, ApiResponse answer) {
        String code = answer == null ? null : answer.code();
        String message = answer == null ? null : answer.message();
        Map<String, String> errors = errors(answer);
        if (code != null) {
            switch (code) {
                case "RBC001":
                    return new AuthenticationException(status, code, message, errors);
                case "WA401":
                    return new PhoneNumberNotRegisteredException(status, code, message, errors);
                case "WA400":
                    return new InvalidPayloadException(status, code, message, errors);
                case "E110":
                    return new LowBalanceException(status, code, message, errors);
                case "WA500":
                    return new KaleyraServerException(status, code, message, errors);
                case "WA-401":
                    // One code, two causes: the error map's key tells them apart.
                    if (errors.containsKey("account")) {
                        return new ApiNotAvailableException(status, code, message, errors);
                    }
                    if (errors.containsKey("phone_number")) {
                        return new WrongApiVersionException(status, code, message, errors);
                    }
                    break;
                default:
                    break;
            }
        }
        if (status >= 500) {
            return new KaleyraServerException(status, code, message, errors);
        }
        return new KaleyraApiException(status, code, message, errors);
    }

    private static Map<String, String> errors(ApiResponse answer) {
        if (answer == null || answer.error() == null || !answer.error().isObject()) {
            return Map.of();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.error().properties().forEach(field -> errors.put(
                field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        return errors;
    }
}
