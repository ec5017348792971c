package dev.waotp.testing;

import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Kaleyra WhatsApp API stand-in on a free loopback port, for tests and local runs. It checks what
 * the real {@code POST /v2/<sid>/whatsapp/<number>/messages} checks and answers with the same bodies:
 *
 * <ul>
 *   <li>SID and {@code api-key} header, else 401 {@code RBC001};
 *   <li>the business number in the path is registered, else 401 {@code WA401};
 *   <li>the payload has the page's shape, the same 1 to 15 character one-time password in the body
 *       and the button, else 400 {@code WA400} (an {@code X-Kaleyra-Stub-Reason} header names the
 *       broken rule);
 *   <li>the template is approved, else 400 {@code WA400} with a {@code template} entry in its error
 *       map;
 *   <li>otherwise 202 {@code WA202} with a fresh message id, and the message is recorded; with
 *       {@link Builder#callbacks} set, the status callbacks Kaleyra would post follow.
 * </ul>
 *
 * <p>A number given to {@link Builder#refuse(String)} gets {@code 400 WA400} instead of the 202.
 * <p>It also takes SMS on {@code POST /v1/<sid>/messages}, form-encoded as Kaleyra's SMS pages
 * describe, with the same credentials; see {@link #receivedSms()} and {@link #failNextSms}.
 * <p>It also serves the account's template list, {@code GET /v2/<sid>/whatsapp/<waba-id>/message_templates},
 * with the same credential check, Meta's template objects under {@code data} and Graph cursor paging
 * ({@link Builder#template(String)}, {@link Builder#templatePageSize(int)},
 * {@link #setTemplateStatus(String, String, String)}).
 *
 * <p>Two checks are stricter than Kaleyra's: unknown payload fields and refs over 255 characters get
 * a {@code WA400} (Kaleyra ignores the first and truncates the second).
 *
 * <pre>{@code
 * try (KaleyraStub stub = KaleyraStub.start();
 *      KaleyraClient client = stub.clientBuilder().build()) {
 *     client.send(message);
 *     assertThat(stub.received()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: it serves many requests at once, and may be inspected while it does.
 */
public final class KaleyraStub implements AutoCloseable {
    /** The SID of {@link #start()}. */
    public static final String DEFAULT_SID = "HXSTUB0000000001IN";
    /** The API key of {@link #start()}. */
    public static final String DEFAULT_API_KEY = "stub-api-key";
    /** The business number of {@link #start()}. */
    public static final String DEFAULT_BUSINESS_NUMBER = "+919999999999";
    /** The WhatsApp Business Account id of {@link #start()}, in the template list's path. */
    public static final String DEFAULT_WABA_ID = "100000000000001";

    private final MockWebServer server;
    private final StubDispatcher dispatcher;
    private final String sid;
    private final String apiKey;
    private final String businessNumber;
    private final String baseUrl;
    private final @Nullable CallbackPoster callbacks;
    private final String wabaId;
    private final StubTemplates templates;

    private KaleyraStub(String sid, String apiKey, Set<String> businessNumbers, Set<ApprovedTemplate> approved,
            Set<String> refused, String wabaId, StubTemplates templates, int port,
            @Nullable StubCallbacks callbackSettings) throws IOException {
        this.sid = sid;
        this.apiKey = apiKey;
        this.businessNumber = businessNumbers.iterator().next();
        this.wabaId = wabaId;
        this.templates = templates;
        this.server = new MockWebServer();
        this.callbacks = callbackSettings == null ? null : new CallbackPoster(callbackSettings);
        this.dispatcher = new StubDispatcher(server, sid, apiKey, businessNumbers, approved, refused, wabaId, templates,
                callbacks == null ? message -> { } : callbacks::accepted);
        server.setDispatcher(dispatcher);
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        } catch (IOException e) {
            server.close();
            if (callbacks != null) {
                callbacks.close();
            }
            throw e;
        }
        this.baseUrl = "http://127.0.0.1:" + server.getPort() + "/";
    }

    /**
     * Starts a stub with {@link #DEFAULT_SID}, {@link #DEFAULT_API_KEY} and
     * {@link #DEFAULT_BUSINESS_NUMBER}, approving template {@code auth1} in {@code en_US}.
     *
     * @throws UncheckedIOException when no loopback port could be opened
     */
    public static KaleyraStub start() {
        return builder().start();
    }

    /** A builder for a stub with its own SID, API key, business numbers or approved templates. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the stub listens, for example {@code http://127.0.0.1:54321/}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The SID the stub accepts, in the request path. */
    public String sid() {
        return sid;
    }

    /** The API key the stub accepts in the {@code api-key} header. */
    public String apiKey() {
        return apiKey;
    }

    /** The first registered business number. */
    public String businessNumber() {
        return businessNumber;
    }

    /** The WhatsApp Business Account id whose template list the stub serves. */
    public String wabaId() {
        return wabaId;
    }

    /** A client builder set up for this stub: SID, API key, business number, WABA id and base URL. */
    public KaleyraClientBuilder clientBuilder() {
        return KaleyraClient.builder().sid(sid).apiKey(apiKey).businessNumber(businessNumber).baseUrl(baseUrl)
                .wabaId(wabaId);
    }

    /**
     * Changes a listed template's status from now on, as Meta does when it pauses, disables or
     * approves one; sends are not affected.
     *
     * @throws IllegalArgumentException when the stub does not list that template
     */
    public KaleyraStub setTemplateStatus(String templateName, String lang, String status) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("status must not be blank");
        }
        if (!templates.setStatus(templateName, lang, status)) {
            throw new IllegalArgumentException("the stub lists no template " + templateName + " in " + lang);
        }
        return this;
    }

    /** Every request answered 202 since the start or the last {@link #reset()}, oldest first. */
    public List<ReceivedMessage> received() {
        return dispatcher.received();
    }

    /**
     * The code the phone {@code phone} got last on WhatsApp, as the user would read it: the one place tests
     * (and samples) read "the code the stub phone received".
     *
     * @throws IllegalStateException when no accepted message went to {@code phone}
     */
    public String lastCodeSentTo(String phone) {
        List<ReceivedMessage> received = received();
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).recipients().contains(phone)) {
                return received.get(i).otp();
            }
        }
        throw new IllegalStateException("the stub accepted no message to " + phone);
    }

    /**
     * Every SMS ({@code POST /v1/<sid>/messages}) answered 202 since the start or the last
     * {@link #reset()}, oldest first.
     */
    public List<ReceivedSms> receivedSms() {
        return dispatcher.receivedSms();
    }

    /**
     * Every WhatsApp message and SMS answered 202 since the start or the last {@link #reset()}, oldest first: the
     * two channels in the one order they arrived in.
     */
    public List<Received> receivedAll() {
        return dispatcher.receivedAll();
    }

    /**
     * Every request that arrived since the start or the last {@link #reset()}: accepted, refused and
     * faulted alike. With {@link #received()} it shows how often a client retried.
     */
    public int requestCount() {
        return dispatcher.requestCount();
    }

    /**
     * Makes the next {@code requests} requests fail with {@code fault}, after any faults asked for
     * before. Requests after them are handled normally again.
     */
    public KaleyraStub failNext(int requests, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        dispatcher.fail(fault, requests);
        return this;
    }

    /**
     * Makes the next {@code requests} SMS requests fail with {@code fault}, after any SMS faults asked
     * for before; WhatsApp requests are not affected. Faults of {@link #failNext} come first. The
     * answers are those of the WhatsApp page ({@code WA500}, {@code E110}, ...).
     */
    public KaleyraStub failNextSms(int requests, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        dispatcher.failSms(fault, requests);
        return this;
    }

    /**
     * Waits until every status callback due so far was posted (see {@link Builder#callbacks}), and
     * lists all posted since the start or the last {@link #reset()}, in the order posted.
     *
     * @throws IllegalStateException when the stub posts no callbacks, or they are not all posted in time
     */
    public List<PostedCallback> awaitCallbacks(Duration timeout) {
        if (callbacks == null) {
            throw new IllegalStateException("this stub posts no callbacks; set KaleyraStub.builder().callbacks(...)");
        }
        try {
            return callbacks.await(timeout);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for callbacks", e);
        }
    }

    /** Forgets received messages, the request count, pending faults and posted callbacks; the settings stay. */
    public void reset() {
        dispatcher.reset();
        if (callbacks != null) {
            callbacks.reset();
        }
    }

    /** Stops listening, closes open connections and stops posting callbacks. */
    @Override
    public void close() {
        server.close();
        if (callbacks != null) {
            callbacks.close();
        }
    }

    @Override
    public String toString() {
        return "KaleyraStub{baseUrl=" + baseUrl + ", sid=" + sid + ", businessNumber=" + businessNumber
                + ", apiKey=****}";
    }

    /** The stub's account: credentials, business numbers and approved templates. */
    public static final class Builder {
        private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

        private String sid = DEFAULT_SID;
        private String apiKey = DEFAULT_API_KEY;
        private final Set<String> businessNumbers = new LinkedHashSet<>();
        private final Set<ApprovedTemplate> approved = new LinkedHashSet<>();
        private final Set<String> refused = new LinkedHashSet<>();
        private @Nullable StubCallbacks callbacks;
        private final Map<ApprovedTemplate, ObjectNode> listed = new LinkedHashMap<>();
        private String wabaId = DEFAULT_WABA_ID;
        private int templatePageSize = 25;
        private int port;

        private Builder() {}

        /**
         * Posts, after each accepted send, the status callbacks Kaleyra would post; default none.
         * See {@link KaleyraStub#awaitCallbacks}.
         */
        public Builder callbacks(StubCallbacks callbacks) {
            this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
            return this;
        }

        /** Letters and digits, as Kaleyra SIDs are; default {@link #DEFAULT_SID}. */
        public Builder sid(String sid) {
            if (sid == null || !SID.matcher(sid).matches()) {
                throw new IllegalArgumentException("sid must be letters and digits");
            }
            this.sid = sid;
            return this;
        }

        /** Default {@link #DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Registers a business number (E.164); call again to register more. The first one is
         * {@link KaleyraStub#businessNumber()}. Default: only {@link #DEFAULT_BUSINESS_NUMBER}.
         */
        public Builder businessNumber(String number) {
            if (number == null || !PayloadParser.E164.matcher(number).matches()) {
                throw new IllegalArgumentException("business number must be E.164: '+' and 8 to 15 digits");
            }
            businessNumbers.add(number);
            return this;
        }

        /**
         * Approves a template in one language; call again for more. Without any call, {@code auth1} in
         * {@code en_US} is approved.
         */
        public Builder approve(String templateName, String lang) {
            if (templateName == null || templateName.isBlank() || lang == null || lang.isBlank()) {
                throw new IllegalArgumentException("template name and lang must not be blank");
            }
            approved.add(new ApprovedTemplate(templateName, lang));
            return this;
        }

        /**
         * Refuses every WhatsApp send to {@code number} (E.164) with the page's {@code 400 WA400} answer, after the
         * credential, payload and template checks, as a number Kaleyra will not take; call again for more. SMS to it
         * are taken. For a failure that comes later, as a status callback, see
         * {@link StubCallbacks.Builder#outcome}.
         */
        public Builder refuse(String number) {
            if (number == null || !PayloadParser.E164.matcher(number).matches()) {
                throw new IllegalArgumentException("a refused number must be E.164: '+' and 8 to 15 digits");
            }
            refused.add(number);
            return this;
        }

        /** Letters and digits; default {@link #DEFAULT_WABA_ID}. */
        public Builder wabaId(String wabaId) {
            if (wabaId == null || !SID.matcher(wabaId).matches()) {
                throw new IllegalArgumentException("wabaId must be letters and digits");
            }
            this.wabaId = wabaId;
            return this;
        }

        /**
         * Lists a template: Meta's template object as JSON, with {@code name}, {@code language} and
         * {@code status}; other fields are served as given. Call again for more; the same name and
         * language again replaces the first. Without any call, every approved template is listed as an
         * {@code APPROVED} authentication template with a copy-code button. Listing does not approve a
         * template for sends: see {@link #approve(String, String)}.
         *
         * @throws IllegalArgumentException when {@code json} is not such an object
         */
        public Builder template(String json) {
            ObjectNode template = StubTemplates.parse(json);
            listed.put(StubTemplates.key(template), template);
            return this;
        }

        /** How many templates one page of the list holds, at least 1; default 25. */
        public Builder templatePageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("templatePageSize must be at least 1, was " + size);
            }
            this.templatePageSize = size;
            return this;
        }

        /**
         * The loopback port to listen on, for a process started elsewhere that must know it beforehand
         * (a build's integration test); default 0, any free port.
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Starts a stub with these settings. The builder may be used again, for another stub.
         *
         * @throws UncheckedIOException when no loopback port could be opened
         */
        public KaleyraStub start() {
            Set<ApprovedTemplate> approvals = approved.isEmpty() ? Set.of(new ApprovedTemplate("auth1", "en_US")) : approved;
            List<ObjectNode> list = new ArrayList<>(listed.values());
            if (list.isEmpty()) {
                for (ApprovedTemplate template : approvals) {
                    list.add(StubTemplates.authentication(template.name(), template.lang(), list.size() + 1));
                }
            }
            try {
                return new KaleyraStub(sid, apiKey,
                        businessNumbers.isEmpty() ? Set.of(DEFAULT_BUSINESS_NUMBER) : businessNumbers,
                        approvals, refused, wabaId, new StubTemplates(list, templatePageSize), port, callbacks);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Kaleyra stub on loopback", e);
            }
        }

        @Override
        public String toString() {
            return "KaleyraStub.Builder{sid=" + sid + ", businessNumbers=" + businessNumbers
                    + ", approved=" + approved + ", apiKey=****}";
        }
    }
}
