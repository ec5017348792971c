package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackHandlerTest {
    private final List<DeliveryStatus> heard = new ArrayList<>();

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sent() throws Exception {
        return CallbackPages.sent().getBytes(StandardCharsets.UTF_8);
    }

    private CallbackHandler basicHandler() {
        return CallbackHandler.builder().basic("kaleyra", "s3cret-pass").listener(heard::add).build();
    }

    @Test
    void rightBasicCredentialsAreAcceptedAndHeard() throws Exception {
        CallbackResult result = basicHandler().handle(Map.of("authorization", List.of(basic("kaleyra", "s3cret-pass"))), sent());
        assertThat(result).isInstanceOf(CallbackResult.Accepted.class);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(heard).hasSize(1).first().extracting(DeliveryStatus::state).isEqualTo(DeliveryState.SENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic !!!notbase64", "Bearer s3cret-pass", "basic a2FsZXlyYTp3cm9uZw=="})
    void wrongOrMissingBasicIsUnauthenticatedAndChangesNothing(String authorization) throws Exception {
        Map<String, List<String>> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", List.of(authorization));
        CallbackResult result = basicHandler().handle(headers, sent());
        assertThat(result).isEqualTo(new CallbackResult.Rejected(CallbackResult.Reason.UNAUTHENTICATED));
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(heard).isEmpty();
    }

    @Test
    void theSchemeIsReadInAnyCase() throws Exception {
        String value = basic("kaleyra", "s3cret-pass").replace("Basic", "bAsIc");
        assertThat(basicHandler().handle(Map.of("AUTHORIZATION", List.of(value)), sent()).httpStatus()).isEqualTo(200);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        String right = basic("kaleyra", "s3cret-pass");
        assertThat(basicHandler().handle(Map.of("Authorization", List.of(right, right)), sent()).httpStatus()).isEqualTo(401);
    }

    @Test
    void bearerTokenAndSharedHeaderMustAllMatch() throws Exception {
        CallbackHandler handler = CallbackHandler.builder().bearer("tok-123").header("X-Callback-Secret", "hdr-456")
                .listener(heard::add).build();
        assertThat(handler.handle(Map.of("Authorization", List.of("Bearer tok-123"),
                "x-callback-secret", List.of("hdr-456")), sent()).httpStatus()).isEqualTo(200);
        assertThat(handler.handle(Map.of("Authorization", List.of("Bearer tok-123")), sent()).httpStatus()).isEqualTo(401);
        assertThat(handler.handle(Map.of("Authorization", List.of("Bearer tok-12"),
                "X-Callback-Secret", List.of("hdr-456")), sent()).httpStatus()).isEqualTo(401);
        assertThat(heard).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "{}", "{\"status\":\"sent\"}",
        "{\"status\":\"deleted\",\"message_id\":\"wamid.X\"}",
        "{\"status\":\"sent\",\"message_id\":\"wamid.X\",\"message_id\":\"wamid.Y\"}",
        "{\"message_id\":\"wamid.X\",\"meta_object\":{\"value\":{\"statuses\":[]}}}",
        "{\"message_id\":\"wamid.X\",\"meta_object\":{\"value\":{\"statuses\":[{\"status\":\"sent\",\"timestamp\":\"soon\"}]}}}",
        "{\"message_id\":\"wamid.X\",\"meta_object\":{\"value\":{\"statuses\":[{\"status\":\"failed\",\"errors\":{}}]}}}",
        "{\"status\":\"sent\",\"message_id\":\"wamid.X\",\"extra_info\":{\"ref\":42}}",
        "{\"status\":\"sent\",\"message_id\":\"wamid.X\"} trailing"
    })
    void malformedBodiesAreRejectedAndChangeNothing(String body) {
        CallbackResult result = CallbackHandler.builder().open().listener(heard::add).build()
                .handle(Map.of(), body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isEqualTo(new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED));
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(heard).isEmpty();
    }

    @Test
    void anOversizedBodyIsNotParsed() {
        byte[] body = new byte[CallbackHandler.MAX_BODY_BYTES + 1];
        assertThat(CallbackHandler.builder().open().build().handle(Map.of(), body).httpStatus()).isEqualTo(400);
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsRead() {
        // Garbage without credentials is a 401, not a 400: an outsider learns nothing of the parser.
        assertThat(basicHandler().handle(Map.of(), "garbage".getBytes(StandardCharsets.UTF_8)).httpStatus()).isEqualTo(401);
    }

    @Test
    void aStreamedBodyIsNotReadAtAllWithoutCredentials() throws Exception {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read before the credentials were checked");
            }
        };
        assertThat(basicHandler().handle(name -> null, untouchable).httpStatus()).isEqualTo(401);
        assertThat(basicHandler().handle(name -> name.equalsIgnoreCase("Authorization")
                ? List.of(basic("kaleyra", "guess")) : null, untouchable).httpStatus()).isEqualTo(401);
    }

    @Test
    void aStreamedBodyIsReadAfterTheCredentials_andNoFurtherThanOneByteOverTheLimit() throws Exception {
        Function<String, List<String>> right = name -> name.equalsIgnoreCase("Authorization")
                ? List.of(basic("kaleyra", "s3cret-pass")) : null;
        assertThat(basicHandler().handle(right, new ByteArrayInputStream(sent())).httpStatus()).isEqualTo(200);
        assertThat(heard).hasSize(1);

        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return ' ';
            }
        };
        assertThat(basicHandler().handle(right, endless).httpStatus()).isEqualTo(400);
        assertThat(read[0]).isEqualTo(CallbackHandler.MAX_BODY_BYTES + 1);
    }

    @Test
    void theSameCallbackTwiceReachesTheListenersTwice() throws Exception {
        CallbackHandler handler = basicHandler();
        Map<String, List<String>> headers = Map.of("Authorization", List.of(basic("kaleyra", "s3cret-pass")));
        handler.handle(headers, sent());
        handler.handle(headers, sent());
        assertThat(heard).hasSize(2).allMatch(s -> s.equals(heard.get(0)));
    }

    @Test
    void aListenersExceptionReachesTheServerSoKaleyraRetries() {
        CallbackHandler handler = CallbackHandler.builder().open().listener(s -> {
            throw new IllegalStateException("store down");
        }).build();
        assertThatThrownBy(() -> handler.handle(Map.of(), sent())).hasMessage("store down");
    }

    @Test
    void noCredentialsWithoutOpenIsRefused() {
        assertThatThrownBy(() -> CallbackHandler.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("open()");
        assertThatThrownBy(() -> CallbackHandler.builder().basic("kaleyra", " "))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void basicAndBearerTogetherAreRefused_bothRideInTheOneAuthorizationHeader() {
        assertThatThrownBy(() -> CallbackHandler.builder().basic("kaleyra", "s3cret-pass").bearer("tok-123").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("bearerToken");
                    assertThat(e.rule()).contains("Authorization header");
                })
                .hasMessageNotContaining("s3cret-pass").hasMessageNotContaining("tok-123");
    }

    @Test
    void credentialsNeverShowInToString() throws Exception {
        CallbackHandler.Builder basic = CallbackHandler.builder().basic("kaleyra", "s3cret-pass")
                .header("X-Callback-Secret", "hdr-456");
        CallbackHandler.Builder bearer = CallbackHandler.builder().bearer("tok-123").header("X-Callback-Secret", "hdr-456");
        assertThat(basic.toString() + basic.build() + bearer + bearer.build())
                .doesNotContain("s3cret-pass", "tok-123", "hdr-456").contains("X-Callback-Secret");
        DeliveryStatus status = DeliveryStatusParser.parse(sent()).get(0);
        assertThat(status.toString()).doesNotContain("919407", "campaign_2025", "order_ORD", "payment_pending");
    }
}
