package dev.waotp;

import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.json;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure body of the Kaleyra page, and answers the page does not document. */
class ErrorResponsesTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private KaleyraClient client;

    @BeforeEach
    void start() throws Exception {
        client = clientFor(server).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    static Stream<Arguments> pageErrors() {
        return Stream.of(
                Arguments.of(401, "RBC001", "Incorrect SID or API key.", "error", "Incorrect SID or API key.",
                        "[]", AuthenticationException.class),
                Arguments.of(401, "WA401", "Phone number is not present or does not belong to the account.",
                        "phone_number", "Phone number is not present or does not belong to the account.", "{}",
                        PhoneNumberNotRegisteredException.class),
                Arguments.of(400, "WA400", "Refer to correct payload format", "payload", "Incorrect payload format",
                        "{}", InvalidPayloadException.class),
                Arguments.of(500, "WA500", "Please try again later", "error", "Internal server error", "{}",
                        KaleyraServerException.class),
                Arguments.of(400, "E110", "Please check your balance, You have a low balance!", "balance",
                        "Please check your balance, You have a low balance!", "{}", LowBalanceException.class),
                Arguments.of(401, "WA-401",
                        "API is not available for given customer.Please contact support for more info", "account",
                        "API is not available for given customer.Please contact support for more info", "{}",
                        ApiNotAvailableException.class),
                Arguments.of(401, "WA-401",
                        "The phone number you're using is associated with different Version of our WA API."
                                + " Please use the appropriate endpoint.",
                        "phone_number",
                        "The phone number you're using is associated with different Version of our WA API."
                                + " Please use the appropriate endpoint.",
                        "{}", WrongApiVersionException.class),
                // Not on the auth-template page: Kaleyra's error-code page for the v2 send API.
                Arguments.of(400, "WAV2101", "Daily limit reached", "account", "Daily limit reached", "{}",
                        DailyLimitReachedException.class));
    }

    private static String errorBody(String code, String message, String errorKey, String errorText, String data) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":" + data
                + ",\"error\":{\"" + errorKey + "\":\"" + errorText + "\"}}";
    }

    @ParameterizedTest(name = "{0} {1} on {3}")
    @MethodSource("pageErrors")
    void eachDocumentedErrorBecomesItsOwnException(int status, String code, String message, String errorKey,
            String errorText, String data, Class<? extends KaleyraApiException> expected) {
        server.enqueue(json(status, errorBody(code, message, errorKey, errorText, data)));

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.apiMessage()).isEqualTo(message);
        assertThat(e.errors()).isEqualTo(Map.of(errorKey, errorText));
        assertThat(e).hasMessage("Kaleyra answered HTTP " + status + " " + code + ": " + message);
    }

    @ParameterizedTest(name = "{0} {1} on {3}")
    @MethodSource("pageErrors")
    void asyncSendsFailWithTheSameExceptions(int status, String code, String message, String errorKey,
            String errorText, String data, Class<? extends KaleyraApiException> expected) {
        server.enqueue(json(status, errorBody(code, message, errorKey, errorText, data)));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> client.sendAsync(loginCode()).join());

        assertThat(e).hasCauseExactlyInstanceOf(expected);
        assertThat(((KaleyraApiException) e.getCause()).code()).isEqualTo(code);
    }

    @Test
    void anUndocumentedCodeStillCarriesStatusCodeAndErrors() {
        server.enqueue(json(403, "{\"code\":\"WA403\",\"message\":\"Forbidden\",\"data\":{},"
                + "\"error\":{\"template\":\"not allowed\",\"count\":3}}"));

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(KaleyraApiException.class);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("WA403");
        assertThat(e.errors()).containsEntry("template", "not allowed").containsEntry("count", "3");
    }

    @Test
    void aWa401WithAnUnknownErrorKeyIsNotGuessed() {
        server.enqueue(json(401, "{\"code\":\"WA-401\",\"message\":\"Something new\",\"error\":{\"other\":\"x\"}}"));

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(KaleyraApiException.class);
        assertThat(e.code()).isEqualTo("WA-401");
    }

    /** As for an accepted answer: what follows the JSON is not read, and the code still says what happened. */
    @Test
    void whatFollowsAnErrorDoesNotHideItsCode() {
        server.enqueue(json(401, "{\"code\":\"RBC001\",\"message\":\"Incorrect SID or API key.\",\"data\":[],"
                + "\"error\":{\"error\":\"Incorrect SID or API key.\"}} {}"));

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(e.code()).isEqualTo("RBC001");
    }

    @Test
    void aBodyThatIsNotJsonGivesTheStatus() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html>Bad Gateway</html>").build());

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(KaleyraServerException.class);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.code()).isNull();
        assertThat(e).hasMessage("Kaleyra answered HTTP 502, with a body that is not a Kaleyra answer");
    }

    @Test
    void anEmptyClientErrorBodyGivesTheStatus() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        KaleyraApiException e = catchThrowableOfType(KaleyraApiException.class, () -> client.send(loginCode()));

        assertThat(e).isExactlyInstanceOf(KaleyraApiException.class);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errors()).isEmpty();
    }
}
