package dev.waotp.testing;

import dev.waotp.testing.PayloadParser.InvalidPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stub's SMS endpoint, {@code POST /v1/<sid>/messages}: the same credential check as the WhatsApp
 * endpoint, then the form as {@link SmsForm} reads it, then a record of the SMS. Its own faults
 * ({@link KaleyraStub#failNextSms}) take only SMS requests, so a test can fail WhatsApp and SMS apart.
 *
 * <p>The SMS pages found give neither an error body nor a success body, so the stub answers in the
 * shape the WhatsApp page documents: {@code RBC001} for credentials, a 400 without a code whose
 * {@code error} map and {@code X-Kaleyra-Stub-Reason} header name the broken rule, and a 202 whose {@code data} holds the {@code message_id}.
 */
final class SmsEndpoint {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String sid;
    private final String apiKey;
    private final FaultQueue faults = new FaultQueue();
    private final ConcurrentLinkedQueue<ReceivedSms> received = new ConcurrentLinkedQueue<>();
    private final Consumer<ReceivedSms> onAccepted;

    SmsEndpoint(String sid, String apiKey, Consumer<ReceivedSms> onAccepted) {
        this.sid = sid;
        this.apiKey = apiKey;
        this.onAccepted = onAccepted;
    }

    /** Whether the path is {@code /v1/<anything>/messages}; the SID is checked with the key. */
    static boolean handles(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        return path.size() == 3 && path.get(0).equals("v1") && path.get(2).equals("messages");
    }

    /** An SMS fault asked for, or {@code null} to answer normally. */
    Fault nextFault() {
        return faults.next();
    }

    MockResponse answer(RecordedRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Answers.methodNotAllowed();
        }
        if (!sid.equals(request.getUrl().pathSegments().get(1)) || !apiKey.equals(request.getHeaders().get("api-key"))) {
            return Answers.unauthorized();
        }
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        SmsForm form;
        try {
            form = SmsForm.parse(request.getHeaders().get("Content-Type"), body);
        } catch (InvalidPayload e) {
            return refused(e.getMessage());
        }
        String messageId = MessageIds.next();
        ReceivedSms sms = form.received(messageId);
        received.add(sms);
        onAccepted.accept(sms);
        ObjectNode answer = NODES.objectNode();
        answer.putArray("data").addObject().put("message_id", messageId).put("recipient", sms.to());
        answer.putObject("error");
        return json(202, answer.toString());
    }

    private static MockResponse refused(String reason) {
        ObjectNode answer = NODES.objectNode();
        answer.put("message", "Invalid SMS request");
        answer.putArray("data");
        answer.putObject("error").put("request", reason);
        return json(400, answer.toString()).newBuilder().setHeader(Answers.REASON_HEADER, reason).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    void fail(Fault fault, int requests) {
        faults.add(fault, requests);
    }

    List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    void reset() {
        faults.clear();
        received.clear();
    }
}
