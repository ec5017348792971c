package dev.waotp.sample;

import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraClientBuilder;
import dev.waotp.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Kaleyra account from the environment: all of {@code KALEYRA_SID}, {@code KALEYRA_API_KEY},
 * {@code KALEYRA_NUMBER} and {@code KALEYRA_REGION} (or {@code KALEYRA_BASE_URL}), or none of them.
 */
final class Credentials {
    static final List<String> REQUIRED = List.of("KALEYRA_SID", "KALEYRA_API_KEY", "KALEYRA_NUMBER");

    private Credentials() {}

    /** Empty when no Kaleyra variable is set: the app then uses the embedded stub. */
    static Optional<KaleyraClientBuilder> fromEnvironment(Map<String, String> env) {
        boolean anySet = REQUIRED.stream().anyMatch(env::containsKey)
                || env.containsKey("KALEYRA_REGION") || env.containsKey("KALEYRA_BASE_URL");
        if (!anySet) {
            return Optional.empty();
        }
        List<String> missing = REQUIRED.stream().filter(name -> isBlank(env.get(name))).collect(Collectors.toCollection(ArrayList::new));
        if (isBlank(env.get("KALEYRA_REGION")) && isBlank(env.get("KALEYRA_BASE_URL"))) {
            missing.add("KALEYRA_REGION");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", missing) + " not set: set all of KALEYRA_SID,"
                    + " KALEYRA_API_KEY, KALEYRA_NUMBER and KALEYRA_REGION to use Kaleyra, or none to use the stub");
        }
        if (!isBlank(env.get("KALEYRA_REGION")) && !isBlank(env.get("KALEYRA_BASE_URL"))) {
            throw new IllegalArgumentException("KALEYRA_REGION and KALEYRA_BASE_URL are both set: set one");
        }
        KaleyraClientBuilder builder = KaleyraClient.builder()
                .sid(env.get("KALEYRA_SID"))
                .apiKey(env.get("KALEYRA_API_KEY"))
                .businessNumber(env.get("KALEYRA_NUMBER"));
        String baseUrl = env.get("KALEYRA_BASE_URL");
        return Optional.of(isBlank(baseUrl) ? builder.region(region(env.get("KALEYRA_REGION"))) : builder.baseUrl(baseUrl));
    }

    private static Region region(String name) {
        try {
            return Region.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KALEYRA_REGION must be one of IN, SG, EU, NA, was " + name);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
