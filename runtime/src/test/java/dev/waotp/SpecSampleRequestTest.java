package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample request of the Kaleyra page (test resource spec/sample-request.json, copied from the
 * page as printed) against what we write for the same values.
 */
class SpecSampleRequestTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The page's sample uses placeholders that break its own rules; we put real values in their place. */
    private static final String TO = "+919876543210";
    private static final String OTP = "J$FpXXXX";

    @Test
    void writesTheSampleRequestFieldForFieldAndByteForByte() throws IOException {
        ObjectNode sample = sampleWithRealValues();
        AuthMessage message = AuthMessage.builder(TemplateSpec.of("auth1", "en_US", 0, WaSource.API))
                .to(TO)
                .otp(OTP)
                .ref("customer1")
                .ref1("marketing")
                .ref2("dictionary")
                .build();

        byte[] ours = new PayloadEncoder().encode(message);

        JsonNode written = MAPPER.readTree(ours);
        assertThat(paths(written)).containsExactlyElementsOf(paths(sample));
        assertThat(written).isEqualTo(sample);
        assertThat(new String(ours, "UTF-8")).isEqualTo(MAPPER.writeValueAsString(sample));
    }

    @Test
    void leavesAbsentOptionalFieldsOut() throws IOException {
        AuthMessage message = AuthMessage.builder(TemplateSpec.of("auth1", "en_US"))
                .to(TO)
                .otp(OTP)
                .build();

        JsonNode written = MAPPER.readTree(new PayloadEncoder().encode(message));

        assertThat(paths(written.get("extra_info"))).containsExactly("/wa_source");
        assertThat(written.toString()).doesNotContain("null");
    }

    @Test
    void writesTheOneOtpIntoBodyAndButtonAndJoinsRecipientsWithCommas() throws IOException {
        AuthMessage message = AuthMessage.builder(TemplateSpec.of("login_code", "pt_BR", 3, WaSource.BRAZE))
                .to(List.of("+919876543210", "+5511987654321"))
                .otp("90210")
                .build();

        JsonNode written = MAPPER.readTree(new PayloadEncoder().encode(message));

        JsonNode messaging = written.get("messaging_object");
        assertThat(messaging.get("to").asString()).isEqualTo("+919876543210,+5511987654321");
        JsonNode components = messaging.at("/template/components");
        assertThat(components.at("/0/parameters/0/text").asString()).isEqualTo("90210");
        assertThat(components.at("/1/parameters/0/text").asString()).isEqualTo("90210");
        assertThat(components.at("/1/index").asInt()).isEqualTo(3);
        assertThat(messaging.at("/template/language/code").asString()).isEqualTo("pt_BR");
        assertThat(written.at("/extra_info/wa_source").asString()).isEqualTo("braze");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "+919876543210 | 482913 | null | null | null",
        "+919876543210,+14155550123 | J$F\"p\\X | customer \"1\" | null | dictionary",
        "+5511987654321 | \u00e9t\u00e9\ud83d\udd11 | r\u00e9f\u00e9rence \u2028 \u0001 | tab\there | </script>",
        "+919876543210 | 9 | null | only ref1 | null",
    })
    void writesExactlyWhatJacksonWritesForTheModel(String to, String otp, String ref, String ref1, String ref2)
            throws IOException {
        TemplateSpec spec = TemplateSpec.of("login_code_2", "pt_BR", 7, WaSource.HUBSPOT);
        AuthMessage message = AuthMessage.builder(spec).to(to).otp(otp).ref(ref).ref1(ref1).ref2(ref2).build();

        byte[] ours = new PayloadEncoder().encode(message);

        assertThat(new String(ours, StandardCharsets.UTF_8))
                .isEqualTo(MAPPER.writeValueAsString(MockKaleyra.model(message)));
    }

    /**
     * The bytes waotp wrote on Jackson 2 for values that need escaping, kept as a literal: the test above compares
     * with the Jackson of the build, so only this one sees a Jackson upgrade change what goes on the wire (Jackson 3
     * had planned to escape '/' by default, and went back): control characters escaped with capital hex digits;
     * U+2028, DEL, a byte order mark, non-ASCII and a supplementary character as they are; '/' not escaped.
     */
    @Test
    void writesTheSameBytesWhateverTheJacksonVersion() {
        TemplateSpec spec = TemplateSpec.of("login_code_2", "pt_BR", 7, WaSource.HUBSPOT);
        AuthMessage message = AuthMessage.builder(spec).to("+919876543210,+14155550123").otp("J$F\"p\\/X")
                .ref("r\u00e9f\u00e9rence \u2028 \u0001 \u001f \u007f").ref1("tab\there</script>")
                .ref2("\u00e9t\u00e9\ud83d\udd11 \ufeff").build();

        byte[] ours = new PayloadEncoder("cbp/1").encode(message);

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo("{\"messaging_object\":{"
                + "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"to\":\"+919876543210,+14155550123\",\"type\":\"template\","
                + "\"template\":{\"name\":\"login_code_2\",\"language\":{\"code\":\"pt_BR\"},\"components\":["
                + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"J$F\\\"p\\\\/X\"}]},"
                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":7,"
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"J$F\\\"p\\\\/X\"}]}]}},"
                + "\"extra_info\":{\"ref\":\"r\u00e9f\u00e9rence \u2028 \\u0001 \\u001F \u007f\","
                + "\"ref1\":\"tab\\there</script>\",\"ref2\":\"\u00e9t\u00e9\ud83d\udd11 \ufeff\","
                + "\"wa_source\":\"hubspot\",\"callback_profile_id\":\"cbp/1\"}}");
    }

    private static ObjectNode sampleWithRealValues() throws IOException {
        try (InputStream in = SpecSampleRequestTest.class.getResourceAsStream("/spec/sample-request.json")) {
            ObjectNode sample = (ObjectNode) MAPPER.readTree(in);
            ObjectNode messaging = (ObjectNode) sample.get("messaging_object");
            messaging.put("to", TO);
            ArrayNode components = (ArrayNode) messaging.at("/template/components");
            for (JsonNode component : components) {
                ((ObjectNode) component.at("/parameters/0")).put("text", OTP);
            }
            return sample;
        }
    }

    /** Every leaf's JSON pointer, in document order, so that field order is compared too. */
    private static List<String> paths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(field.getValue(), path + "/" + field.getKey(), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, paths);
            }
        } else {
            paths.add(path);
        }
    }
}
