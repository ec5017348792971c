package dev.waotp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.MessageTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest's bytes: the format another engineer's processor and every pull request diff rely on. */
class ManifestWriterTest {

    private static MessageTemplate template(String name, String language, String json) {
        return new MessageTemplate(name, language, "APPROVED", null, List.of(), json);
    }

    private static final MessageTemplate AUTH1_HI = template("auth1", "hi",
            "{\"status\":\"PAUSED\",\"name\":\"auth1\",\"language\":\"hi\",\"ratio\":1.50,\"count\":7,\"ok\":true,"
                    + "\"note\":null,\"tags\":[],\"extra\":{},\"text\":\"कोड \\\"{{1}}\\\"\\n\"}");
    private static final MessageTemplate AUTH1_EN = template("auth1", "en_US",
            "{\"name\":\"auth1\",\"language\":\"en_US\",\"status\":\"APPROVED\",\"components\":[{\"type\":\"BUTTONS\","
                    + "\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\",\"text\":\"Copy code\"}]}]}");
    private static final MessageTemplate A_LOGIN = template("a_login", "en",
            "{\"language\":\"en\",\"name\":\"a_login\",\"status\":\"REJECTED\"}");

    @Test
    void writesTheAgreedFormatByteForByte() {
        String expected = """
                {
                  "data": [
                    {
                      "language": "en",
                      "name": "a_login",
                      "status": "REJECTED"
                    },
                    {
                      "components": [
                        {
                          "buttons": [
                            {
                              "otp_type": "COPY_CODE",
                              "text": "Copy code",
                              "type": "OTP"
                            }
                          ],
                          "type": "BUTTONS"
                        }
                      ],
                      "language": "en_US",
                      "name": "auth1",
                      "status": "APPROVED"
                    },
                    {
                      "count": 7,
                      "extra": {},
                      "language": "hi",
                      "name": "auth1",
                      "note": null,
                      "ok": true,
                      "ratio": 1.50,
                      "status": "PAUSED",
                      "tags": [],
                      "text": "कोड \\"{{1}}\\"\\n"
                    }
                  ]
                }
                """;

        byte[] written = ManifestWriter.write(List.of(AUTH1_HI, A_LOGIN, AUTH1_EN));

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(written).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOrderTemplatesArriveInChangesNothing() {
        List<MessageTemplate> templates = new ArrayList<>(List.of(AUTH1_HI, A_LOGIN, AUTH1_EN));
        byte[] first = ManifestWriter.write(templates);
        Collections.reverse(templates);
        assertThat(ManifestWriter.write(templates)).isEqualTo(first);
    }

    @Test
    void theOrderOfFieldsInTheAnswerChangesNothing() {
        MessageTemplate reordered = template("a_login", "en", "{\"status\":\"REJECTED\",\"language\":\"en\",\"name\":\"a_login\"}");
        assertThat(ManifestWriter.write(List.of(reordered))).isEqualTo(ManifestWriter.write(List.of(A_LOGIN)));
    }

    @Test
    void anAccountWithoutTemplatesIsAnEmptyList() {
        assertThat(new String(ManifestWriter.write(List.of()), StandardCharsets.UTF_8)).isEqualTo("{\n  \"data\": []\n}\n");
    }
}
