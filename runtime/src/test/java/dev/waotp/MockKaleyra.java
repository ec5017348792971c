package dev.waotp;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Canned answers and a client pointed at a {@link MockWebServer}, shared by the runtime's tests. */
final class MockKaleyra {
    static final String SID = "HXAP16XXXXXX97IN";
    static final String API_KEY = "Atest0api0key0never0printed00003";
    static final String BUSINESS_NUMBER = "+919000000000";
    static final String OTP = "482913";
    static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    /** Retries without waiting, so that retry tests are quick. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .build();

    private MockKaleyra() {}

    static KaleyraClientBuilder clientFor(MockWebServer server) {
        return KaleyraClient.builder()
                .sid(SID)
                .apiKey(API_KEY)
                .businessNumber(BUSINESS_NUMBER)
                .baseUrl(server.url("/").toString())
                .retryPolicy(FAST_RETRIES);
    }

    /** A client for tests that send nothing: port 9 (discard) on loopback. */
    static KaleyraClientBuilder offlineClient() {
        return KaleyraClient.builder()
                .sid(SID)
                .apiKey(API_KEY)
                .businessNumber(BUSINESS_NUMBER)
                .baseUrl("http://127.0.0.1:9/");
    }

    /** The Jackson model of a message's payload, which the encoder's bytes must match. */
    static SendRequest model(AuthMessage message) {
        return SendRequest.of(message.template(), message.joinedRecipients(), message.otp(),
                message.ref(), message.ref1(), message.ref2());
    }

    static AuthMessage loginCode() {
        return AuthMessage.builder(AUTH1).to("+919876543210").otp(OTP).build();
    }

    static MockResponse accepted(String messageId) {
        return json(202, "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\""
                + messageId + "\"},\"error\":{}}");
    }

    static MockResponse serverError() {
        return json(500, "{\"code\":\"WA500\",\"message\":\"Please try again later\",\"data\":{},"
                + "\"error\":{\"error\":\"Internal server error\"}}");
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
