package dev.waotp;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 form, checked once where it enters, with what Google's libphonenumber knows
 * of it: its country calling code, its region and its line type.
 *
 * <p>{@link #parse(String)} accepts exactly {@code +} and 8 to 15 digits, the first not 0, that
 * libphonenumber considers a <em>possible</em> whole number (a country calling code in use, a length
 * that code's numbers have) written as it writes it: with no national prefix after the country calling
 * code, such as the 0 of {@code +44 07911...}. It does not ask for a <em>valid</em> one (a number in a
 * range the metadata lists as assigned), since ranges are assigned faster than the metadata is
 * released and a stub or a test may use numbers no one holds; {@link #isValid()} asks that separately,
 * and {@link #type()} is {@link Type#UNKNOWN} for a number that is not valid.
 *
 * <p>Two numbers are equal when their E.164 forms are. {@link #toString()} shows the last four digits
 * only: a number is personal data.
 */
public final class PhoneNumber {
    /** The E.164 rule, in the words of every error about a number's form. */
    static final String E164_RULE = "must be E.164: '+' then 8 to 15 digits, the first not 0";

    /** libphonenumber's region for numbers of no country: satellite and international networks (+881, +882...). */
    public static final String NON_GEOGRAPHIC = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY;
    /** libphonenumber's region when it cannot place a number, as for an unassigned one of a shared code (+1). */
    public static final String UNKNOWN_REGION = "ZZ";

    private static final String COUNTRY_CODE_RULE = "must start with a country calling code in use";
    private static final String LENGTH_RULE = "must have a length that numbers of its country calling code have";
    private static final String NATIONAL_PREFIX_RULE =
            "must be E.164 as dialled from abroad, with no national prefix (such as 0) after the country calling code";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String e164;
    private final int countryCode;
    private final String region;
    private final Type type;

    private PhoneNumber(String e164, Phonenumber.PhoneNumber parsed) {
        this.e164 = e164;
        this.countryCode = parsed.getCountryCode();
        String regionCode = UTIL.getRegionCodeForNumber(parsed);
        this.region = regionCode == null ? UNKNOWN_REGION : regionCode;
        this.type = Type.of(UTIL.getNumberType(parsed));
    }

    /** Parses {@code e164}, reporting a bad one as the field {@code phone}. */
    public static PhoneNumber parse(String e164) {
        return parse(e164, "phone");
    }

    /**
     * Parses {@code e164}, reporting a bad one as {@code field}: an {@link InvalidInputException} that names
     * the field and the rule broken, never the number.
     */
    public static PhoneNumber parse(String e164, String field) {
        requireE164(field, e164);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(e164, UNKNOWN_REGION);
        } catch (NumberParseException e) {
            // Not chained: its message is libphonenumber's, and this one must say only the field and the rule.
            throw new InvalidInputException(field, e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    ? COUNTRY_CODE_RULE : LENGTH_RULE);
        }
        ValidationResult possible = UTIL.isPossibleNumberWithReason(parsed);
        if (possible == ValidationResult.INVALID_COUNTRY_CODE) {
            throw new InvalidInputException(field, COUNTRY_CODE_RULE);
        }
        // A local-only length lacks the area code: it cannot be dialled from abroad, so it is no E.164 number.
        if (possible != ValidationResult.IS_POSSIBLE) {
            throw new InvalidInputException(field, LENGTH_RULE);
        }
        // libphonenumber drops a national prefix it finds after the country code (+44 0 7911... is +44 7911...).
        // A carrier given the string may route it otherwise, so a decision on the number (its region, its type)
        // would not be about what is dialled: only the canonical form is a PhoneNumber.
        if (!UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(e164)) {
            throw new InvalidInputException(field, NATIONAL_PREFIX_RULE);
        }
        return new PhoneNumber(e164, parsed);
    }

    /**
     * The E.164 syntax alone, which the senders check on every send: Kaleyra's rule, with no numbering plan.
     * A loop rather than a regular expression, since it runs on every send.
     */
    static String requireE164(String field, @Nullable String value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        int length = value.length();
        if (length < 9 || length > 16 || value.charAt(0) != '+' || value.charAt(1) == '0') {
            throw new InvalidInputException(field, E164_RULE);
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException(field, E164_RULE);
            }
        }
        return value;
    }

    /**
     * The region codes a number can have: ISO 3166-1 alpha-2 codes, upper case, as libphonenumber's metadata
     * knows them. {@link #NON_GEOGRAPHIC} and {@link #UNKNOWN_REGION} are not among them.
     */
    public static Set<String> regions() {
        return UTIL.getSupportedRegions();
    }

    /**
     * The country calling code of {@code region} (one of {@link #regions()}, in either case), such as 91 for
     * {@code IN} or 1 for {@code JM}.
     *
     * @throws InvalidInputException naming {@code region} when it is not one of {@link #regions()}
     */
    public static int countryCodeOf(String region) {
        String code = region == null ? "" : region.toUpperCase(Locale.ROOT);
        // Looked up in the set first: libphonenumber logs a warning for a region it does not know.
        if (!UTIL.getSupportedRegions().contains(code)) {
            throw new InvalidInputException("region", "must be an ISO 3166-1 alpha-2 region code that has phone numbers,"
                    + " such as IN or GB, was " + region);
        }
        return UTIL.getCountryCodeForRegion(code);
    }

    /** The number as given: {@code +} and digits. */
    public String e164() {
        return e164;
    }

    /** The country calling code, such as {@code 91} or {@code 1}. */
    public int countryCode() {
        return countryCode;
    }

    /**
     * The region of the number: an ISO 3166-1 alpha-2 code such as {@code IN}, or {@link #NON_GEOGRAPHIC}
     * ({@code "001"}) for a code of no country, or {@link #UNKNOWN_REGION} ({@code "ZZ"}) when a code shared by
     * several regions does not say which. Crown dependencies and territories are their own regions: a +44 7781
     * number is {@code GG}, not {@code GB}.
     */
    public String region() {
        return region;
    }

    /** Whether the number is in a range of no country (+800, +808, +870, +881, +882, +883, +888, +979). */
    public boolean isNonGeographic() {
        return NON_GEOGRAPHIC.equals(region);
    }

    /** Whether libphonenumber's metadata lists the number's range as assigned, which {@link #parse} does not ask. */
    public boolean isValid() {
        // libphonenumber's isValidNumber is this same test of the ranges, done again: a number is valid when its
        // range has a type.
        return type != Type.UNKNOWN;
    }

    /** The line type of the number's range; {@link Type#UNKNOWN} when the number is not {@linkplain #isValid() valid}. */
    public Type type() {
        return type;
    }

    /** Whether the number is premium-rate or shared-cost, the ranges in which a call or an SMS earns its holder money. */
    public boolean isPremiumOrShared() {
        return type == Type.PREMIUM_RATE || type == Type.SHARED_COST;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PhoneNumber number && e164.equals(number.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    /** The last four digits only, such as {@code +********3210}. */
    @Override
    public String toString() {
        return Redaction.phoneNumber(e164);
    }

    /**
     * The line type of a number's range, as libphonenumber's metadata gives it. Where a country does not tell
     * fixed lines from mobiles apart (the United States, Canada), a number is {@link #FIXED_LINE_OR_MOBILE}.
     */
    public enum Type {
        FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER,
        PAGER, UAN, VOICEMAIL, UNKNOWN;

        /** By name, so that a type a later libphonenumber adds is {@link #UNKNOWN} here rather than an error. */
        static Type of(PhoneNumberUtil.PhoneNumberType type) {
            for (Type value : values()) {
                if (value.name().equals(type.name())) {
                    return value;
                }
            }
            return UNKNOWN;
        }
    }
}
