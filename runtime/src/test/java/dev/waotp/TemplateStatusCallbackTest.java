package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kaleyra's template-status callbacks, posted to the same handler as delivery callbacks. */
class TemplateStatusCallbackTest {
    private static final Map<String, List<String>> RIGHT = Map.of("Authorization", List.of("Basic "
            + Base64.getEncoder().encodeToString("kaleyra:s3cret-pass".getBytes(StandardCharsets.UTF_8))));

    private final List<DeliveryStatus> deliveries = new ArrayList<>();
    private final List<TemplateStatusUpdate> templates = new ArrayList<>();
    private final CallbackHandler handler = CallbackHandler.builder().basic("kaleyra", "s3cret-pass")
            .listener(deliveries::add).templateStatusListener(templates::add).build();

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePagesCallbackIsReadAndReachesOnlyTemplateStatusListeners() throws Exception {
        CallbackResult result = handler.handle(RIGHT, bytes(CallbackPages.templateStatus()));

        TemplateStatusUpdate expected = new TemplateStatusUpdate("auth1", "en_US", "PAUSED",
                "Template paused due to low quality", "1029384756473829", "2026-11-29 02:40:00");
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result).isEqualTo(new CallbackResult.Accepted(List.of(), List.of(expected)));
        assertThat(templates).containsExactly(expected);
        assertThat(deliveries).isEmpty();
    }

    @Test
    void metasNumericTemplateIdAndAbsentOptionalFieldsAreTaken() {
        handler.handle(RIGHT, bytes("{\"event\":\"APPROVED\",\"message_template_id\":1029384756473829,"
                + "\"message_template_name\":\"auth1\",\"message_template_language\":\"en_US\"}"));
        assertThat(templates).containsExactly(new TemplateStatusUpdate("auth1", "en_US", "APPROVED", null,
                "1029384756473829", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"PAUSED\",\"message_template_language\":\"en_US\"}",
        "{\"event\":\"PAUSED\",\"message_template_name\":\"\",\"message_template_language\":\"en_US\"}",
        "{\"event\":\"PAUSED\",\"message_template_name\":7,\"message_template_language\":\"en_US\"}",
        "{\"message_template_name\":\"auth1\",\"message_template_language\":\"en_US\"}",
        "{\"event\":\"PAUSED\",\"message_template_name\":\"auth1\"}",
        "{\"event\":\"PAUSED; DROP\",\"message_template_name\":\"auth1\",\"message_template_language\":\"en_US\"}",
        "{\"event\":\"PAUSED\",\"message_template_name\":\"auth1\",\"message_template_language\":\"en_US\",\"message_template_id\":{}}",
        "{\"event\":\"PAUSED\",\"message_template_name\":\"auth1\",\"message_template_name\":\"auth2\",\"message_template_language\":\"en_US\"}"
    })
    void aMalformedTemplateStatusIs400AndTellsNobody(String body) {
        CallbackResult result = handler.handle(RIGHT, bytes(body));
        assertThat(result).isEqualTo(new CallbackResult.Rejected(CallbackResult.Reason.MALFORMED));
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(templates).isEmpty();
        assertThat(deliveries).isEmpty();
    }

    @Test
    void theFixtureWithoutItsNameIs400AndTellsNobody() throws Exception {
        String withoutName = CallbackPages.templateStatus().replace("\"message_template_name\":\"auth1\",\n", "");
        assertThat(withoutName).doesNotContain("message_template_name");
        assertThat(handler.handle(RIGHT, bytes(withoutName)).httpStatus()).isEqualTo(400);
        assertThat(templates).isEmpty();
        assertThat(deliveries).isEmpty();
    }

    @Test
    void unauthenticatedIs401AndTellsNobody() throws Exception {
        Map<String, List<String>> wrong = Map.of("Authorization", List.of("Basic "
                + Base64.getEncoder().encodeToString("kaleyra:guess".getBytes(StandardCharsets.UTF_8))));
        assertThat(handler.handle(wrong, bytes(CallbackPages.templateStatus())).httpStatus()).isEqualTo(401);
        assertThat(handler.handle(Map.of(), bytes(CallbackPages.templateStatus())).httpStatus()).isEqualTo(401);
        assertThat(templates).isEmpty();
    }

    @Test
    void aDeliveryCallbackStillReachesOnlyDeliveryListeners() throws Exception {
        CallbackResult result = handler.handle(RIGHT, bytes(CallbackPages.sent()));
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(((CallbackResult.Accepted) result).templateStatuses()).isEmpty();
        assertThat(deliveries).extracting(DeliveryStatus::state).containsExactly(DeliveryState.SENT);
        assertThat(templates).isEmpty();
    }

    @Test
    void withoutATemplateStatusListenerTheCallbackIsStillAnswered200() throws Exception {
        CallbackHandler deliveryOnly = CallbackHandler.builder().basic("kaleyra", "s3cret-pass")
                .listener(deliveries::add).build();
        assertThat(deliveryOnly.handle(RIGHT, bytes(CallbackPages.templateStatus())).httpStatus()).isEqualTo(200);
        assertThat(deliveries).isEmpty();
    }
}
