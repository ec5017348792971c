package dev.waotp;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The limits of the Kaleyra page, checked before anything is sent. Lengths count Unicode code points,
 * so an emoji is one character. Messages name the field and the rule but never echo a value: OTPs are
 * secret, and phone numbers are personal data.
 */
final class InputRules {
    static final int OTP_MAX_LENGTH = 15;
    static final int REF_MAX_LENGTH = 255;
    static final int TEMPLATE_NAME_MAX_LENGTH = 512;

    private static final Pattern CALLBACK_PROFILE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

    private InputRules() {}

    /** The E.164 syntax, Kaleyra's rule: {@link PhoneNumber} keeps the one check, and adds the numbering plan. */
    static String phoneNumber(String field, String value) {
        return PhoneNumber.requireE164(field, value);
    }

    /** One pass over the code, since this runs on every send; the rules are reported in this order. */
    static String otp(CharSequence value) {
        if (value == null) {
            throw new InvalidInputException("otp", "is required");
        }
        String otp = value.toString();
        int length = 0;
        boolean blank = true;
        boolean control = false;
        for (int i = 0; i < otp.length(); i++, length++) {
            char c = otp.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < otp.length() && Character.isLowSurrogate(otp.charAt(i + 1))) {
                i++;
                blank = false;
            } else if (Character.isSurrogate(c)) {
                throw loneSurrogate("otp");
            } else {
                blank &= Character.isWhitespace(c);
                control |= Character.isISOControl(c);
            }
        }
        if (length < 1 || length > OTP_MAX_LENGTH) {
            throw new InvalidInputException(
                    "otp", "must be 1 to " + OTP_MAX_LENGTH + " characters, was " + length);
        }
        if (blank) {
            throw new InvalidInputException("otp", "must not be blank");
        }
        if (control) {
            throw new InvalidInputException("otp", "must not contain control characters");
        }
        return otp;
    }

    /** Kaleyra truncates longer refs; we refuse them so that nothing is cut off unseen. */
    static @Nullable String ref(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        wellFormed(field, value);
        int length = value.codePointCount(0, value.length());
        if (length > REF_MAX_LENGTH) {
            throw new InvalidInputException(
                    field, "must be at most " + REF_MAX_LENGTH + " characters, was " + length);
        }
        return value;
    }

    /** Kaleyra does not publish the id's form; we keep it to what a header or a URL carries safely. */
    static @Nullable String callbackProfileId(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (!CALLBACK_PROFILE_ID.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be 1 to 64 letters, digits, '-' or '_'");
        }
        return value;
    }

    static String templateName(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("template.name", "is required");
        }
        if (value.length() > TEMPLATE_NAME_MAX_LENGTH || !TEMPLATE_NAME.matcher(value).matches()) {
            throw new InvalidInputException("template.name",
                    "must be lowercase letters, digits and underscores, at most "
                            + TEMPLATE_NAME_MAX_LENGTH + " characters");
        }
        return value;
    }

    static String languageCode(String value) {
        if (value == null || !LANGUAGE_CODE.matcher(value).matches()) {
            throw new InvalidInputException("template.language.code",
                    "must be a WhatsApp language code such as en or en_US");
        }
        return value;
    }

    static int buttonIndex(int value) {
        if (value < 0 || value > 9) {
            throw new InvalidInputException("template.components[1].index", "must be 0 to 9, was " + value);
        }
        return value;
    }

    static String sid(String value) {
        if (value == null || !SID.matcher(value).matches()) {
            throw new InvalidInputException("sid", "is required and must be letters and digits");
        }
        return value;
    }

    static String apiKey(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("apiKey", "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new InvalidInputException("apiKey", "must be printable ASCII without spaces");
            }
        }
        return value;
    }

    /** A lone surrogate cannot be encoded as UTF-8, so it would be mangled on the wire. */
    private static void wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw loneSurrogate(field);
            }
        }
    }

    private static InvalidInputException loneSurrogate(String field) {
        return new InvalidInputException(field, "must be well-formed Unicode (has a lone surrogate)");
    }
}
