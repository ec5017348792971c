package dev.waotp.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request the stub accepted (answered 202), as it arrived. {@link #toString()} masks the
 * one-time password and leaves out the raw body, which holds it too, so that a failed assertion does
 * not print a code into the build log.
 *
 * @param messageId the id the stub answered with, as in {@code SendResult.messageId()}
 * @param businessNumber the business number from the request path
 * @param recipients {@code messaging_object.to}, split on commas
 * @param templateName {@code template.name}
 * @param lang {@code template.language.code}
 * @param otp the one-time password (the same in the body and the button, or it would be refused)
 * @param buttonIndex the button component's {@code index}
 * @param subType the button component's {@code sub_type}
 * @param ref {@code extra_info.ref}, or {@code null} when absent
 * @param ref1 {@code extra_info.ref1}, or {@code null} when absent
 * @param ref2 {@code extra_info.ref2}, or {@code null} when absent
 * @param waSource {@code extra_info.wa_source} as sent, or {@code null} when absent
 * @param rawJson the request body exactly as received
 */
public record ReceivedMessage(
        String messageId,
        String businessNumber,
        List<String> recipients,
        String templateName,
        String lang,
        String otp,
        int buttonIndex,
        String subType,
        @Nullable String ref,
        @Nullable String ref1,
        @Nullable String ref2,
        @Nullable String waSource,
        String rawJson) implements Received {

    public ReceivedMessage {
        Objects.requireNonNull(messageId, "messageId");
        recipients = List.copyOf(recipients);
    }

    @Override
    public String toString() {
        return "ReceivedMessage{messageId=" + messageId
                + ", businessNumber=" + businessNumber
                + ", recipients=" + recipients
                + ", template=" + templateName + "/" + lang
                + ", otp=****"
                + ", buttonIndex=" + buttonIndex
                + ", subType=" + subType
                + (ref == null ? "" : ", ref=" + ref)
                + (ref1 == null ? "" : ", ref1=" + ref1)
                + (ref2 == null ? "" : ", ref2=" + ref2)
                + (waSource == null ? "" : ", waSource=" + waSource)
                + "}";
    }
}
