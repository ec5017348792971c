package dev.waotp.testing;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers of the Kaleyra page, code, message, {@code data} and {@code error} map as it gives
 * them. Fixed bodies are written once; only the accepted and the template answers vary.
 */
final class Answers {
    private static final String PAYLOAD_MESSAGE = "Refer to correct payload format";
    /** Not on the page: names the rule a refused payload broke, since the WA400 body cannot. */
    static final String REASON_HEADER = "X-Kaleyra-Stub-Reason";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String BAD_CREDENTIALS = "Incorrect SID or API key.";
    private static final String NOT_REGISTERED =
            "Phone number is not present or does not belong to the account.";
    private static final String LOW_BALANCE = "Please check your balance, You have a low balance!";

    // RBC001 is the one answer whose data is an empty array, not an empty object.
    private static final String UNAUTHORIZED =
            body("RBC001", BAD_CREDENTIALS, NODES.arrayNode(), "error", BAD_CREDENTIALS);
    private static final String UNREGISTERED_NUMBER =
            body("WA401", NOT_REGISTERED, NODES.objectNode(), "phone_number", NOT_REGISTERED);
    private static final String BAD_PAYLOAD =
            body("WA400", PAYLOAD_MESSAGE, NODES.objectNode(), "payload", "Incorrect payload format");
    private static final String SERVER_ERROR =
            body("WA500", "Please try again later", NODES.objectNode(), "error", "Internal server error");
    private static final String NO_BALANCE =
            body("E110", LOW_BALANCE, NODES.objectNode(), "balance", LOW_BALANCE);
    private static final String DAILY_LIMIT_MESSAGE = "Daily limit reached for the account";
    private static final String DAILY_LIMIT =
            body("WAV2101", DAILY_LIMIT_MESSAGE, NODES.objectNode(), "account", DAILY_LIMIT_MESSAGE);

    private Answers() {}

    static MockResponse accepted(String messageId) {
        ObjectNode answer = NODES.objectNode();
        answer.put("code", "WA202");
        answer.put("message", "Request Accepted");
        answer.putObject("data").put("message_id", messageId);
        answer.putObject("error");
        return json(202, answer.toString());
    }

    static MockResponse unauthorized() {
        return json(401, UNAUTHORIZED);
    }

    static MockResponse unregisteredNumber() {
        return json(401, UNREGISTERED_NUMBER);
    }

    static MockResponse badPayload(String reason) {
        return json(400, BAD_PAYLOAD).newBuilder().setHeader(REASON_HEADER, headerSafe(reason)).build();
    }

    /** The page gives no body for this; it is a WA400 whose error map names the template. */
    static MockResponse templateNotApproved(String name, String lang) {
        String reason = "Template " + name + " (" + lang + ") is not approved";
        return json(400, body("WA400", PAYLOAD_MESSAGE, NODES.objectNode(), "template", reason));
    }

    static MockResponse serverError() {
        return json(500, SERVER_ERROR);
    }

    static MockResponse lowBalance() {
        return json(400, NO_BALANCE);
    }

    /** Kaleyra's error-code page names {@code WAV2101} but not its status or text: ours are 400 and our words. */
    static MockResponse dailyLimitReached() {
        return json(400, DAILY_LIMIT);
    }

    static MockResponse dropConnection() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    static MockResponse delayed(MockResponse answer, long millis) {
        return answer.newBuilder().headersDelay(millis, TimeUnit.MILLISECONDS).build();
    }

    static MockResponse notFound() {
        return new MockResponse.Builder().code(404).body("Not a Kaleyra endpoint").build();
    }

    static MockResponse methodNotAllowed() {
        return new MockResponse.Builder().code(405).setHeader("Allow", "POST").build();
    }

    /** A reason may quote a field name from the body, and header values must be printable ASCII. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.chars().forEach(c -> safe.append(c >= ' ' && c < 0x7f ? (char) c : '?'));
        return safe.toString();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** Jackson writes a tree as JSON in toString(). */
    private static String body(String code, String message, JsonNode data, String errorKey, String error) {
        ObjectNode answer = NODES.objectNode();
        answer.put("code", code);
        answer.put("message", message);
        answer.set("data", data);
        answer.putObject("error").put(errorKey, error);
        return answer.toString();
    }
}
