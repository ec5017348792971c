package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Meta's sample answer of the template list, kept verbatim in {@code spec/} with its URL. The page
 * elides further templates with a line {@code ...} after a comma; {@link #json()} drops both, the one
 * fix that makes it JSON.
 */
final class MetaSamplePage {
    static final String FILE = "meta-message-templates-sample-response.txt";

    private MetaSamplePage() {}

    static String verbatim() throws IOException {
        try (InputStream in = MetaSamplePage.class.getResourceAsStream("/spec/" + FILE)) {
            assertThat(in).as("test resource spec/" + FILE).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("----\n") + "----\n".length());
        }
    }

    static String json() throws IOException {
        String verbatim = verbatim();
        String fixed = verbatim.replace("    },\n    ...\n", "    }\n");
        assertThat(fixed).as("the elision the fix expects").isNotEqualTo(verbatim);
        return fixed;
    }
}
