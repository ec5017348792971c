package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What configuration metadata holds: nested objects and lists, escapes in descriptions, literals. */
class MetadataJsonTest {
    @Test
    void readsObjectsListsEscapesAndLiterals() {
        Object json = MetadataJson.parse("""
                {"properties": [
                   {"name": "waotp.a", "description": "say \\"hi\\" \\u00e9\\n", "defaultValue": 64},
                   {"name": "waotp.b", "deprecation": {"level": "error"}, "defaultValue": [true, false, null]}
                 ], "hints": []}
                """);

        assertThat(json).isInstanceOf(Map.class);
        Map<?, ?> metadata = (Map<?, ?>) json;
        List<?> properties = (List<?>) metadata.get("properties");
        assertThat(properties).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) properties.get(0);
        assertThat(first.get("name")).isEqualTo("waotp.a");
        assertThat(first.get("description")).isEqualTo("say \"hi\" \u00e9\n");
        assertThat(first.get("defaultValue")).isEqualTo("64");
        Map<?, ?> second = (Map<?, ?>) properties.get(1);
        assertThat(second.get("deprecation")).isEqualTo(Map.of("level", "error"));
        assertThat(second.get("defaultValue")).isEqualTo(Arrays.asList(true, false, null));
        assertThat((List<?>) metadata.get("hints")).isEmpty();
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parse("{\"a\": }"));
        assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parse("{\"a\": 1"));
        assertThatIllegalArgumentException().isThrownBy(() -> MetadataJson.parse("{\"a\": 1} x"));
    }
}
