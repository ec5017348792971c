package dev.waotp.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language codes WhatsApp accepts for message templates, as Meta's "supported languages" table
 * lists them, and those the user allows beyond it. Shipped here rather than looked up so that a wrong
 * code fails the build, offline.
 */
final class WhatsAppLanguages {
    /**
     * The shape of every code in Meta's table, and what the runtime accepts: a language, then
     * optionally a region or variant ({@code fil}, {@code en_US}, {@code prs_AF}).
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");

    /** In the table's order, which is also the order ties are broken in when suggesting a code. */
    static final List<String> META_CODES = List.of(
            "af", "sq", "ar", "ar_EG", "ar_AE", "ar_LB", "ar_MA", "ar_QA", "az", "be_BY", "bn", "bn_IN", "bg",
            "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "prs_AF", "nl", "nl_BE", "en", "en_GB", "en_US",
            "en_AE", "en_AU", "en_CA", "en_GH", "en_IE", "en_IN", "en_JM", "en_MY", "en_NZ", "en_QA", "en_SG",
            "en_UG", "en_ZA", "et", "fil", "fi", "fr", "fr_BE", "fr_CA", "fr_CH", "fr_CI", "fr_MA", "ka", "de",
            "de_AT", "de_CH", "el", "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja", "kn", "kk", "rw_RW",
            "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "ps_AF", "fa", "pl", "pt_BR", "pt_PT",
            "pa", "ro", "ru", "sr", "si_LK", "sk", "sl", "es", "es_AR", "es_CL", "es_CO", "es_CR", "es_DO",
            "es_EC", "es_HN", "es_MX", "es_PA", "es_PE", "es_ES", "es_UY", "sw", "sv", "ta", "te", "th", "tr",
            "uk", "ur", "uz", "vi", "zu");

    /** Meta's codes, then the extra ones. */
    private final List<String> codes;
    private final Set<String> supported;

    /** @param extra codes to accept beyond Meta's table, each {@linkplain #isWellFormed well formed} */
    WhatsAppLanguages(List<String> extra) {
        List<String> all = new ArrayList<>(META_CODES);
        all.addAll(extra);
        this.codes = List.copyOf(all);
        this.supported = Set.copyOf(all);
    }

    static boolean isWellFormed(String code) {
        return WELL_FORMED.matcher(code).matches();
    }

    boolean isSupported(String code) {
        return supported.contains(code);
    }

    /**
     * The supported code closest to {@code code}. Case and {@code -} versus {@code _} are the usual
     * slips ({@code en_us}, {@code en-US}), so they cost nothing; other differences count as edits.
     */
    String nearest(String code) {
        String normalized = normalize(code);
        String best = codes.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : codes) {
            int distance = EditDistance.between(normalized, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String normalize(String code) {
        return code.strip().replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
