package dev.waotp;

import org.jspecify.annotations.Nullable;

/**
 * The rules Kaleyra's SMS pages state for {@code POST /v1/<sid>/messages}, checked before anything is
 * sent, and only those: what the pages leave open (a body length, the sender's form) Kaleyra decides.
 * Messages name the field and the rule but never echo a value: the body holds the code.
 *
 * @see <a href="https://developers.kaleyra.io/docs/send-otp-sms">Kaleyra: Send OTP SMS</a>
 * @see <a href="https://developers.kaleyra.io/docs/send-your-first-sms">Kaleyra: Send the first SMS</a>
 */
final class SmsRules {
    /** Where the body names the code; {@link SmsMessage.Builder#body(String)} replaces it. */
    static final String CODE_PLACEHOLDER = "{otp}";
    /** The country code of India, where DLT registration asks for a {@code template_id}. */
    static final String INDIA = "+91";

    private SmsRules() {}

    /** The Send OTP SMS page: "only one recipient is allowed in a single request". */
    static String recipient(String value) {
        if (value != null && value.indexOf(',') >= 0) {
            throw new InvalidInputException("to", "must be one number: an SMS send takes one recipient");
        }
        return InputRules.phoneNumber("to", value);
    }

    /** Mandatory on both pages; an alphanumeric sender id or a number, as approved for the account. */
    static String sender(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("sender", "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException("sender", "must not contain control characters");
            }
        }
        return value;
    }

    /** The pages give {@code template_id} as an integer, the id of the DLT-registered template. */
    static @Nullable String templateId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new InvalidInputException("template_id", "must not be empty; leave it out instead");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException("template_id", "must be digits, the DLT template's id");
            }
        }
        return value;
    }

    /**
     * The text sent, with every {@link #CODE_PLACEHOLDER} replaced by the code. It must hold the code:
     * an SMS that asks for a code it does not show can only fail the user.
     */
    static String body(String text, String otp) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "is required");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("body", "must be well-formed Unicode (has a lone surrogate)");
            }
        }
        String body = text.replace(CODE_PLACEHOLDER, otp);
        if (!body.contains(otp)) {
            throw new InvalidInputException("body", "must contain the code, or " + CODE_PLACEHOLDER + " where it goes");
        }
        return body;
    }

    /**
     * The Send OTP SMS page gives Indian senders a request with {@code template_id}, and the Send the
     * first SMS page marks it mandatory for them: India's DLT rules send no OTP without a registered
     * template. Checked for {@link SmsType#OTP} to an Indian number, the case the pages describe.
     */
    static void dltTemplate(String to, SmsType type, @Nullable String templateId) {
        if (type == SmsType.OTP && templateId == null && to.startsWith(INDIA)) {
            throw new InvalidInputException("template_id",
                    "is required for type OTP to an Indian number (+91): the DLT-registered template's id");
        }
    }
}
