package dev.waotp;

import okhttp3.FormBody;
import org.jspecify.annotations.Nullable;

/**
 * One SMS carrying a one-time password, sent with {@link KaleyraClient#sendSms(SmsMessage)} through
 * Kaleyra's SMS API ({@code POST /v1/<sid>/messages}, form-encoded). Every value is checked when the
 * message is built, so a message that exists is one Kaleyra's stated rules accept.
 *
 * <pre>{@code
 * SmsMessage sms = SmsMessage.builder()
 *         .to("+919876543210")
 *         .sender("KLRHXA")                              // the account's approved sender id
 *         .body("{otp} is your login code for Example") // {otp} is replaced by the code
 *         .otp("482913")
 *         .templateId("1107161234567890123")            // DLT template id: India, type OTP
 *         .build();
 * SendResult result = client.sendSms(sms);             // result.messageId() is the SMS id
 * }</pre>
 *
 * <p>The body holds the code, so it is as secret as the code: neither is handed back out of the
 * library, and {@link #toString()} masks both and all but the last digits of the number.
 *
 * @see <a href="https://developers.kaleyra.io/docs/send-otp-sms">Kaleyra: Send OTP SMS</a>
 */
public final class SmsMessage {
    private final String to;
    private final String sender;
    private final SmsType type;
    private final @Nullable String templateId;
    private final String body;

    private SmsMessage(String to, String sender, SmsType type, @Nullable String templateId, String body) {
        this.to = to;
        this.sender = sender;
        this.type = type;
        this.templateId = templateId;
        this.body = body;
    }

    /** A builder; {@code to}, {@code sender}, {@code body} and {@code otp} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The recipient, in E.164 form. */
    public String to() {
        return to;
    }

    /** The sender id (or number) the SMS comes from. */
    public String sender() {
        return sender;
    }

    /** The route type; {@link SmsType#OTP} unless set. */
    public SmsType type() {
        return type;
    }

    /** The DLT template id, or {@code null} when not set. */
    public @Nullable String templateId() {
        return templateId;
    }

    /** Package-private: the text holds the code, which is never handed back out of the library. */
    String body() {
        return body;
    }

    /** The request body as Kaleyra's pages print it: {@code to}, {@code sender}, {@code type}, {@code body}. */
    FormBody form() {
        FormBody.Builder form = new FormBody.Builder()
                .add("to", to)
                .add("sender", sender)
                .add("type", type.name())
                .add("body", body);
        if (templateId != null) {
            form.add("template_id", templateId);
        }
        return form.build();
    }

    @Override
    public String toString() {
        return "SmsMessage{to=" + Redaction.phoneNumber(to) + ", sender=" + sender + ", type=" + type
                + (templateId == null ? "" : ", templateId=" + templateId)
                + ", body=" + Redaction.SECRET + "}";
    }

    /** Collects the values of one SMS; each setter checks its value, {@link #build()} the whole. */
    public static final class Builder {
        private @Nullable String to;
        private @Nullable String sender;
        private SmsType type = SmsType.OTP;
        private @Nullable String templateId;
        private @Nullable String text;
        private @Nullable String otp;

        private Builder() {}

        /** The one recipient, in E.164 form: Kaleyra takes one per SMS request. */
        public Builder to(String recipient) {
            this.to = SmsRules.recipient(recipient);
            return this;
        }

        /** The sender id approved for the account (for example {@code KLRHXA}), or a number. */
        public Builder sender(String sender) {
            this.sender = SmsRules.sender(sender);
            return this;
        }

        /** The route type; default {@link SmsType#OTP}. */
        public Builder type(SmsType type) {
            if (type == null) {
                throw new InvalidInputException("type", "is required");
            }
            this.type = type;
            return this;
        }

        /**
         * The id of the template registered under India's DLT rules, digits only; required for
         * {@link SmsType#OTP} to a {@code +91} number. {@code null} leaves it out.
         */
        public Builder templateId(@Nullable String templateId) {
            this.templateId = SmsRules.templateId(templateId);
            return this;
        }

        /**
         * The text, with {@code {otp}} where the code goes (every one is replaced), or with the code
         * itself. Under DLT it must match the registered template.
         */
        public Builder body(String text) {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("body", "is required");
            }
            this.text = text;
            return this;
        }

        /** The one-time password, 1 to 15 characters, as for WhatsApp. */
        public Builder otp(CharSequence otp) {
            this.otp = InputRules.otp(otp);
            return this;
        }

        /** @throws InvalidInputException when a required value is missing or the values do not fit together */
        public SmsMessage build() {
            String recipient = required("to", to);
            String from = required("sender", sender);
            String code = required("otp", otp);
            String body = SmsRules.body(required("body", text), code);
            SmsRules.dltTemplate(recipient, type, templateId);
            return new SmsMessage(recipient, from, type, templateId, body);
        }

        private static String required(String field, @Nullable String value) {
            if (value == null) {
                throw new InvalidInputException(field, "is required");
            }
            return value;
        }

        @Override
        public String toString() {
            return "SmsMessage.Builder{to=" + (to == null ? "unset" : Redaction.phoneNumber(to))
                    + ", sender=" + sender + ", type=" + type
                    + (templateId == null ? "" : ", templateId=" + templateId)
                    + ", body=" + (text == null ? "unset" : Redaction.SECRET)
                    + ", otp=" + (otp == null ? "unset" : Redaction.SECRET) + "}";
        }
    }
}
