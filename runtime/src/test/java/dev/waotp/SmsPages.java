package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kaleyra's SMS pages as text, kept in the test resources with their URLs, so that tests check the
 * pages' own words rather than a second copy of our constants.
 */
final class SmsPages {
    static final String SEND_OTP_SMS = "kaleyra-send-otp-sms.txt";
    static final String SEND_FIRST_SMS = "kaleyra-send-your-first-sms.txt";
    private static final Pattern FIELD = Pattern.compile("-d \"([a-z_0-9]+)=(.*?)\"");

    private SmsPages() {}

    static String text(String file) throws IOException {
        try (InputStream in = SmsPages.class.getResourceAsStream("/spec/" + file)) {
            assertThat(in).as("test resource spec/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The {@code -d "name=value"} fields of the curl command after {@code heading}, in order. */
    static Map<String, String> curlFields(String file, String heading) throws IOException {
        List<String> lines = text(file).lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in " + file).isNotNegative();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher field = FIELD.matcher(line);
            if (field.find()) {
                fields.put(field.group(1), field.group(2));
            } else if (!fields.isEmpty() || line.isBlank()) {
                break; // the command ended
            }
        }
        return fields;
    }
}
