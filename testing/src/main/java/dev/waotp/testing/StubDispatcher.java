package dev.waotp.testing;

import dev.waotp.testing.PayloadParser.InvalidPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Answers each request as Kaleyra would, in Kaleyra's order: credentials, then the business number,
 * then the payload, then the template. Called on one server thread per connection at once, so every
 * field is either immutable or safe for concurrent use.
 */
final class StubDispatcher extends Dispatcher {
    private final MockWebServer server;
    private final String sid;
    private final String apiKey;
    private final Set<String> businessNumbers;
    private final Set<ApprovedTemplate> approved;
    private final String wabaId;
    private final StubTemplates templates;
    private final FaultQueue faults = new FaultQueue();
    private final ConcurrentLinkedQueue<ReceivedMessage> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> receivedAll = new ConcurrentLinkedQueue<>();
    private final Set<String> refused;
    private final AtomicInteger requestCount = new AtomicInteger();
    private final SmsEndpoint sms;
    private final Consumer<ReceivedMessage> onAccepted;

    StubDispatcher(MockWebServer server, String sid, String apiKey, Set<String> businessNumbers,
            Set<ApprovedTemplate> approved, Set<String> refused, String wabaId, StubTemplates templates,
            Consumer<ReceivedMessage> onAccepted) {
        this.onAccepted = onAccepted;
        this.server = server;
        this.sid = sid;
        this.apiKey = apiKey;
        this.businessNumbers = Set.copyOf(businessNumbers);
        this.approved = Set.copyOf(approved);
        this.refused = Set.copyOf(refused);
        this.sms = new SmsEndpoint(sid, apiKey, receivedAll::add);
        this.wabaId = wabaId;
        this.templates = templates;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        forgetServerRecords();
        requestCount.incrementAndGet();
        Fault fault = faults.next();
        if (fault == null && SmsEndpoint.handles(request)) {
            fault = sms.nextFault();
        }
        if (fault == null) {
            return route(request);
        }
        return switch (fault.kind()) {
            case SERVER_ERROR -> Answers.serverError();
            case LOW_BALANCE -> Answers.lowBalance();
            case DAILY_LIMIT -> Answers.dailyLimitReached();
            case DROP_CONNECTION -> Answers.dropConnection();
            case DELAY -> Answers.delayed(route(request), fault.delay().toMillis());
        };
    }

    private MockResponse route(RecordedRequest request) {
        return SmsEndpoint.handles(request) ? sms.answer(request) : answer(request);
    }

    /**
     * MockWebServer keeps every request for takeRequest(), which the stub never calls; left alone that
     * queue grows without bound in a long-lived stub.
     */
    private void forgetServerRecords() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
            // The stub keeps its own record of what it accepted.
        }
    }

    private MockResponse answer(RecordedRequest request) {
        // Path segments come percent-decoded, so "%2B91..." and "+91..." name the same number.
        List<String> path = request.getUrl().pathSegments();
        if (path.size() == 5 && path.get(0).equals("v2") && path.get(2).equals("whatsapp")
                && path.get(4).equals("message_templates")) {
            return templateList(request, path);
        }
        if (path.size() != 5 || !path.get(0).equals("v2") || !path.get(2).equals("whatsapp")
                || !path.get(4).equals("messages")) {
            return Answers.notFound();
        }
        if (!"POST".equals(request.getMethod())) {
            return Answers.methodNotAllowed();
        }
        if (!sid.equals(path.get(1)) || !apiKey.equals(request.getHeaders().get("api-key"))) {
            return Answers.unauthorized();
        }
        String businessNumber = path.get(3);
        if (!businessNumbers.contains(businessNumber)) {
            return Answers.unregisteredNumber();
        }
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        Payload payload;
        try {
            payload = PayloadParser.parse(body);
        } catch (InvalidPayload e) {
            return Answers.badPayload(e.getMessage());
        }
        if (!approved.contains(new ApprovedTemplate(payload.templateName(), payload.lang()))) {
            return Answers.templateNotApproved(payload.templateName(), payload.lang());
        }
        if (payload.recipients().stream().anyMatch(refused::contains)) {
            return Answers.badPayload("the stub refuses sends to this recipient");
        }
        String messageId = MessageIds.next();
        ReceivedMessage message = payload.received(messageId, businessNumber, body);
        received.add(message);
        receivedAll.add(message);
        onAccepted.accept(message);
        return Answers.accepted(messageId);
    }

    /**
     * The same credential check as a send; a WABA id other than the stub's is a 404, since Kaleyra's
     * page does not say what it answers then.
     */
    private MockResponse templateList(RecordedRequest request, List<String> path) {
        if (!"GET".equals(request.getMethod())) {
            return StubTemplates.getOnly();
        }
        if (!sid.equals(path.get(1)) || !apiKey.equals(request.getHeaders().get("api-key"))) {
            return Answers.unauthorized();
        }
        if (!wabaId.equals(path.get(3))) {
            return Answers.notFound();
        }
        return templates.page(request.getUrl());
    }

    void fail(Fault fault, int requests) {
        faults.add(fault, requests);
    }

    List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    List<ReceivedSms> receivedSms() {
        return sms.received();
    }

    List<Received> receivedAll() {
        return List.copyOf(receivedAll);
    }

    void failSms(Fault fault, int requests) {
        sms.fail(fault, requests);
    }

    int requestCount() {
        return requestCount.get();
    }

    void reset() {
        faults.clear();
        received.clear();
        receivedAll.clear();
        sms.reset();
        requestCount.set(0);
    }
}
