package dev.waotp.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.KaleyraClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account comes from the environment, and every gap is named. */
class CredentialsTest {
    private static final String KEY = "Akey-never-in-a-message-0001";

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KALEYRA_SID", "HXAP16XXXXXX97IN");
        env.put("KALEYRA_API_KEY", KEY);
        env.put("KALEYRA_WABA_ID", "102290129340398");
        env.put("KALEYRA_REGION", "in");
        return env;
    }

    @Test
    void buildsAClientForTheRegionsHost() throws Exception {
        try (KaleyraClient client = Credentials.client(env())) {
            assertThat(client.baseUrl()).isEqualTo("https://api.in.kaleyra.io/");
            assertThat(client.wabaId()).isEqualTo("102290129340398");
        }
    }

    @Test
    void aBaseUrlWinsOverTheRegion() throws Exception {
        Map<String, String> env = env();
        env.put("KALEYRA_BASE_URL", "http://127.0.0.1:8089/");
        try (KaleyraClient client = Credentials.client(env)) {
            assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:8089/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"KALEYRA_SID", "KALEYRA_API_KEY", "KALEYRA_WABA_ID", "KALEYRA_REGION"})
    void aMissingOrBlankVariableIsNamed(String variable) {
        Map<String, String> missing = env();
        missing.remove(variable);
        Map<String, String> blank = env();
        blank.put(variable, "  ");
        for (Map<String, String> env : java.util.List.of(missing, blank)) {
            assertThatThrownBy(() -> Credentials.client(env)).isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("Set the environment variable " + variable)
                    .hasMessageNotContaining(KEY);
        }
    }

    @Test
    void wrongValuesAreNamedByTheirVariable_andTheKeyIsNeverRepeated() {
        Map<String, String> region = env();
        region.put("KALEYRA_REGION", "MARS");
        assertThatThrownBy(() -> Credentials.client(region)).hasMessageContaining("KALEYRA_REGION must be one of");

        Map<String, String> waba = env();
        waba.put("KALEYRA_WABA_ID", "12/34");
        assertThatThrownBy(() -> Credentials.client(waba)).hasMessageStartingWith("KALEYRA_WABA_ID is not valid");

        Map<String, String> key = env();
        key.put("KALEYRA_API_KEY", KEY + " with space");
        assertThatThrownBy(() -> Credentials.client(key)).hasMessageStartingWith("KALEYRA_API_KEY is not valid")
                .hasMessageNotContaining(KEY);

        Map<String, String> http = env();
        http.put("KALEYRA_BASE_URL", "http://example.com/");
        assertThatThrownBy(() -> Credentials.client(http)).hasMessageStartingWith("KALEYRA_BASE_URL is not valid");
    }
}
