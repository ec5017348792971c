package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The callback samples of Kaleyra's and Meta's pages, as kept in {@code src/test/resources/callbacks}
 * (each file names its page), made into request bodies with only the fixes its header states.
 */
final class CallbackPages {
    private CallbackPages() {}

    /** Kaleyra's sent sample, with the trailing comma the page prints removed. */
    static String sent() throws IOException {
        String page = sample("sent.txt");
        String fixed = page.replaceFirst(",\\s*}\\s*$", "\n}\n");
        assertThat(fixed).as("the one fix: the trailing comma").hasSize(page.length() - 1);
        return fixed;
    }

    /** Kaleyra's not-sent (daily limit) sample, as printed. */
    static String notSentDailyLimit() throws IOException {
        return sample("not-sent-daily-limit.txt");
    }

    /** Kaleyra's template-status callback profile's variables, with the sample values its header states. */
    static String templateStatus() throws IOException {
        return sample("template-status.txt");
    }

    /** Meta's status object for {@code status} (delivered, read, failed) in Kaleyra's sent wrapper. */
    static String inKaleyraWrapper(String status) throws IOException {
        String meta = metaStatuses().stream().filter(s -> s.contains("\"status\": \"" + status + "\""))
                .findFirst().orElseThrow();
        String statuses = meta.substring(meta.indexOf('['), meta.lastIndexOf(']') + 1)
                .replace("\"TIMESTAMP\"", "\"1722834700\"").replace("TIMESTAMP", "\"1722834700\"")
                .replace("\"CUSTOMER_PHONE_NUMBER\"", "\"919407XXXXXX\"")
                .replace("\"PHONE_NUMBER\"", "\"919407XXXXXX\"").replace("PHONE_NUMBER", "\"919407XXXXXX\"");
        String sent = sent();
        int from = sent.indexOf("\"statuses\": [");
        int to = sent.indexOf("\n]\n", from) + 2;
        return (sent.substring(0, from) + "\"statuses\": " + statuses + sent.substring(to))
                .replace("\"status\":\"sent\"", "\"status\":\"" + status + "\"");
    }

    private static List<String> metaStatuses() throws IOException {
        return Arrays.asList(sample("meta-statuses.txt").split("\n---\n"));
    }

    /** The file after its header (up to the first blank line). */
    private static String sample(String file) throws IOException {
        try (InputStream in = CallbackPages.class.getResourceAsStream("/callbacks/" + file)) {
            assertThat(in).as("test resource callbacks/" + file).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("\n\n") + 2);
        }
    }
}
