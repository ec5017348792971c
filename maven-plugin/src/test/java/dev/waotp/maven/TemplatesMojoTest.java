package dev.waotp.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.testing.KaleyraStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal against the stub, in process; the invoker test runs it in a real Maven build. */
class TemplatesMojoTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(KaleyraStub stub, String apiKey) {
        return Map.of("KALEYRA_SID", stub.sid(), "KALEYRA_API_KEY", apiKey, "KALEYRA_WABA_ID", stub.wabaId(),
                "KALEYRA_BASE_URL", stub.baseUrl());
    }

    @Test
    void writesEveryPageSorted_andASecondRunGivesTheSameBytes() throws Exception {
        try (KaleyraStub stub = KaleyraStub.builder().templatePageSize(1)
                .approve("signup", "en").approve("login", "hi").approve("login", "en").start()) {
            Path file = dir.resolve("src/main/waotp/templates.json");

            new TemplatesMojo(file.toFile(), env(stub, stub.apiKey())).execute();
            byte[] first = Files.readAllBytes(file);
            new TemplatesMojo(file.toFile(), env(stub, stub.apiKey())).execute();

            assertThat(stub.requestCount()).isEqualTo(6);
            assertThat(Files.readAllBytes(file)).isEqualTo(first);
            String text = new String(first, StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\n  \"data\": [\n").endsWith("\n  ]\n}\n").doesNotContain("paging");
            assertThat(text.indexOf("\"language\": \"en\",\n      \"name\": \"login\""))
                    .isPositive()
                    .isLessThan(text.indexOf("\"language\": \"hi\",\n      \"name\": \"login\""));
            assertThat(text.indexOf("\"name\": \"login\"")).isLessThan(text.indexOf("\"name\": \"signup\""));
        }
    }

    @Test
    void aRefusalIsAMojoFailureWithoutTheKey_andNothingIsWritten() {
        try (KaleyraStub stub = KaleyraStub.start()) {
            Path file = dir.resolve("templates.json");
            String wrongKey = "wrong-key-never-printed";

            assertThatThrownBy(() -> new TemplatesMojo(file.toFile(), env(stub, wrongKey)).execute())
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("Could not fetch the template list")
                    .hasMessageContaining("401")
                    .hasMessageNotContaining(wrongKey);
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void aMissingVariableFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> new TemplatesMojo(dir.resolve("t.json").toFile(), Map.of()).execute())
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("KALEYRA_SID");
    }
}
