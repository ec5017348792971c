package dev.waotp.maven;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import dev.waotp.Region;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The Kaleyra account, read from environment variables only: a pom is committed and shared, so it
 * never holds a key. {@code KALEYRA_SID}, {@code KALEYRA_API_KEY}, {@code KALEYRA_WABA_ID}, and
 * {@code KALEYRA_REGION} ({@code IN}, {@code SG}, {@code EU}, {@code NA}) or {@code KALEYRA_BASE_URL}
 * (a stub or proxy; it wins when both are set). A blank variable counts as unset.
 */
final class Credentials {
    static final String SID = "KALEYRA_SID";
    static final String API_KEY = "KALEYRA_API_KEY";
    static final String WABA_ID = "KALEYRA_WABA_ID";
    static final String REGION = "KALEYRA_REGION";
    static final String BASE_URL = "KALEYRA_BASE_URL";

    private Credentials() {}

    /** @throws MojoExecutionException naming the variable that is missing or wrong, never its value if secret */
    static KaleyraClient client(Map<String, String> env) throws MojoExecutionException {
        KaleyraClientBuilder builder = KaleyraClient.builder()
                .sid(required(env, SID, "the account SID, shown beside the API key on kaleyra.io"))
                .apiKey(required(env, API_KEY, "an API key of the account"))
                .wabaId(required(env, WABA_ID, "the WhatsApp Business Account id whose templates to fetch"));
        String baseUrl = value(env, BASE_URL);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        } else {
            builder.region(region(required(env, REGION, "the account's region: "
                    + Arrays.toString(Region.values()) + " (or " + BASE_URL + ")")));
        }
        try {
            return builder.build();
        } catch (InvalidInputException e) {
            throw new MojoExecutionException(variableOf(e.field()) + " is not valid: " + e.getMessage());
        }
    }

    private static Region region(String name) throws MojoExecutionException {
        try {
            return Region.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(REGION + " must be one of " + Arrays.toString(Region.values())
                    + ", was '" + name + "'");
        }
    }

    private static String required(Map<String, String> env, String variable, String what)
            throws MojoExecutionException {
        String value = value(env, variable);
        if (value == null) {
            throw new MojoExecutionException("Set the environment variable " + variable + ": " + what
                    + ". waotp:templates reads the Kaleyra account from the environment only, never from the pom.");
        }
        return value;
    }

    private static @Nullable String value(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String variableOf(String builderField) {
        return switch (builderField) {
            case "sid" -> SID;
            case "apiKey" -> API_KEY;
            case "wabaId" -> WABA_ID;
            case "baseUrl" -> BASE_URL;
            default -> REGION;
        };
    }
}
