package dev.waotp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One send of an authentication template: who gets it, the one-time password and the optional refs.
 * Every value is checked when the message is built, so a message that exists is one Kaleyra's rules
 * accept. Generated senders build these; code without the processor can too.
 *
 * <pre>{@code
 * AuthMessage message = AuthMessage.builder(TemplateSpec.of("auth1", "en_US"))
 *         .to("+919876543210")
 *         .otp("482913")
 *         .build();
 * client.send(message);
 * }</pre>
 *
 * <p>{@link #toString()} masks the one-time password, the refs (they hold names and customer ids)
 * and all but the last digits of each number.
 */
public final class AuthMessage {
    private final TemplateSpec template;
    private final List<String> recipients;
    private final String joinedRecipients;
    private final String otp;
    private final @Nullable String ref;
    private final @Nullable String ref1;
    private final @Nullable String ref2;
    private final @Nullable String callbackProfileId;

    private AuthMessage(Builder builder) {
        this.template = builder.template;
        this.recipients = builder.recipients();
        this.joinedRecipients = recipients.size() == 1 ? recipients.get(0) : String.join(",", recipients);
        this.otp = builder.otp;
        this.ref = builder.ref;
        this.ref1 = builder.ref1;
        this.ref2 = builder.ref2;
        this.callbackProfileId = builder.callbackProfileId;
    }

    /** A builder of one send of {@code template}; generated senders hold the template as a constant. */
    public static Builder builder(TemplateSpec template) {
        return new Builder(template);
    }

    /** The template this message sends. */
    public TemplateSpec template() {
        return template;
    }

    /** The recipients in E.164 form, in the order given; sent comma-separated. */
    public List<String> recipients() {
        return recipients;
    }

    /** {@code messaging_object.to}: the recipients, comma-separated as the Kaleyra API takes them. */
    String joinedRecipients() {
        return joinedRecipients;
    }

    /** Package-private: the one-time password is never handed back out of the library. */
    String otp() {
        return otp;
    }

    /** {@code extra_info.ref}, or {@code null} when not set. */
    public @Nullable String ref() {
        return ref;
    }

    /** {@code extra_info.ref1}, or {@code null} when not set. */
    public @Nullable String ref1() {
        return ref1;
    }

    /** {@code extra_info.ref2}, or {@code null} when not set. */
    public @Nullable String ref2() {
        return ref2;
    }

    /**
     * {@code extra_info.callback_profile_id} for this send, or {@code null} to use the client's
     * ({@link KaleyraClientBuilder#callbackProfileId}) or none.
     */
    public @Nullable String callbackProfileId() {
        return callbackProfileId;
    }

    @Override
    public String toString() {
        return "AuthMessage{template=" + template
                + ", to=" + Redaction.phoneNumbers(recipients)
                + ", otp=" + Redaction.SECRET
                + (ref == null ? "" : ", ref=" + Redaction.SECRET)
                + (ref1 == null ? "" : ", ref1=" + Redaction.SECRET)
                + (ref2 == null ? "" : ", ref2=" + Redaction.SECRET)
                + "}";
    }

    /** Collects the values of one message; {@link #build()} checks them all. */
    public static final class Builder {
        private final TemplateSpec template;
        /** Nearly every message has one recipient: it needs no list until a second one comes. */
        private @Nullable String onlyRecipient;
        private @Nullable List<String> severalRecipients;
        private @Nullable String otp;
        private @Nullable String ref;
        private @Nullable String ref1;
        private @Nullable String ref2;
        private @Nullable String callbackProfileId;

        private Builder(TemplateSpec template) {
            this.template = Objects.requireNonNull(template, "template");
        }

        /**
         * The recipient, in E.164 form. Several recipients may be given at once, separated by commas,
         * as the Kaleyra API takes them.
         */
        public Builder to(String recipient) {
            if (recipient == null) {
                throw new InvalidInputException("to", "is required");
            }
            if (recipient.indexOf(',') < 0) {
                add(recipient.strip());
                return this;
            }
            for (String part : recipient.split(",", -1)) {
                add(part.strip());
            }
            return this;
        }

        /** Several recipients, each in E.164 form. */
        public Builder to(String... recipients) {
            if (recipients == null) {
                throw new InvalidInputException("to", "is required");
            }
            return to(Arrays.asList(recipients));
        }

        /** Several recipients, each in E.164 form. */
        public Builder to(Collection<String> recipients) {
            if (recipients == null) {
                throw new InvalidInputException("to", "is required");
            }
            for (String recipient : recipients) {
                add(recipient);
            }
            return this;
        }

        private void add(String recipient) {
            int count = severalRecipients != null ? severalRecipients.size() : onlyRecipient != null ? 1 : 0;
            String checked = InputRules.phoneNumber("to[" + count + "]", recipient);
            if (count == 0) {
                onlyRecipient = checked;
                return;
            }
            if (severalRecipients == null) {
                severalRecipients = new ArrayList<>();
                severalRecipients.add(onlyRecipient);
            }
            severalRecipients.add(checked);
        }

        private List<String> recipients() {
            if (severalRecipients != null) {
                return List.copyOf(severalRecipients);
            }
            return onlyRecipient != null ? List.of(onlyRecipient) : List.of();
        }

        /** The one-time password, 1 to 15 characters; sent in both the body and the button. */
        public Builder otp(CharSequence otp) {
            this.otp = InputRules.otp(otp);
            return this;
        }

        /** {@code extra_info.ref}, at most 255 characters; {@code null} leaves it out. */
        public Builder ref(@Nullable String ref) {
            this.ref = InputRules.ref("ref", ref);
            return this;
        }

        /** {@code extra_info.ref1}, at most 255 characters; {@code null} leaves it out. */
        public Builder ref1(@Nullable String ref1) {
            this.ref1 = InputRules.ref("ref1", ref1);
            return this;
        }

        /** {@code extra_info.ref2}, at most 255 characters; {@code null} leaves it out. */
        public Builder ref2(@Nullable String ref2) {
            this.ref2 = InputRules.ref("ref2", ref2);
            return this;
        }

        /**
         * The Kaleyra callback profile whose endpoint hears this message's delivery status, in place of
         * the client's; {@code null} keeps the client's. Kaleyra takes it per send request
         * (https://developers.kaleyra.io/docs/whatsapp-callback-url).
         */
        public Builder callbackProfileId(@Nullable String callbackProfileId) {
            this.callbackProfileId = InputRules.callbackProfileId("callbackProfileId", callbackProfileId);
            return this;
        }

        /** @throws InvalidInputException when the recipient or the one-time password is missing */
        public AuthMessage build() {
            if (onlyRecipient == null) {
                throw new InvalidInputException("to", "at least one recipient is required");
            }
            if (otp == null) {
                throw new InvalidInputException("otp", "is required");
            }
            return new AuthMessage(this);
        }

        @Override
        public String toString() {
            return "AuthMessage.Builder{template=" + template + ", to=" + Redaction.phoneNumbers(recipients())
                    + ", otp=" + (otp == null ? "unset" : Redaction.SECRET) + "}";
        }
    }
}
