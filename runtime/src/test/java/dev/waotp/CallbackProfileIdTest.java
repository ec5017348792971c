package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code callback_profile_id} goes in {@code extra_info}, from the client or from the message. */
class CallbackProfileIdTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");

    private static AuthMessage.Builder message() {
        return AuthMessage.builder(AUTH1).to("+919876543210").otp("482913");
    }

    private static JsonNode extraInfo(PayloadEncoder encoder, AuthMessage message) throws Exception {
        return MAPPER.readTree(encoder.encode(message)).path("extra_info");
    }

    @Test
    void withoutAProfileThePayloadHasNoSuchField() throws Exception {
        assertThat(extraInfo(new PayloadEncoder(), message().build()).has("callback_profile_id")).isFalse();
    }

    @Test
    void theClientsProfileGoesIntoEveryPayload() throws Exception {
        JsonNode extra = extraInfo(new PayloadEncoder("cbp-client_1"), message().ref2("tag").build());
        assertThat(extra.path("callback_profile_id").asString()).isEqualTo("cbp-client_1");
        assertThat(extra.path("ref2").asString()).isEqualTo("tag");
    }

    @Test
    void aMessagesProfileWinsOverTheClients() throws Exception {
        JsonNode extra = extraInfo(new PayloadEncoder("cbp-client"), message().callbackProfileId("cbp-send").build());
        assertThat(extra.path("callback_profile_id").asString()).isEqualTo("cbp-send");
    }

    @Test
    void theEncodersBytesEqualJacksonsModel() throws Exception {
        AuthMessage m = message().ref("r").callbackProfileId("cbp-1").build();
        byte[] expected = MAPPER.writeValueAsBytes(
                SendRequest.of(AUTH1, "+919876543210", "482913", "r", null, null, "cbp-1"));
        assertThat(new String(new PayloadEncoder().encode(m))).isEqualTo(new String(expected));
    }

    @Test
    void aBadProfileIdIsRefusedBeforeAnySend() {
        assertThatThrownBy(() -> message().callbackProfileId("bad id\""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("callbackProfileId");
        assertThatThrownBy(() -> KaleyraClient.builder().callbackProfileId(""))
                .isInstanceOf(InvalidInputException.class);
    }
}
