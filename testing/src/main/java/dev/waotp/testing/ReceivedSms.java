package dev.waotp.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SMS the stub accepted on {@code POST /v1/<sid>/messages}, as it arrived. A test reads the code
 * from {@link #body()}; {@link #toString()} masks the body, which holds the code, so that a failed
 * assertion does not print it into the build log.
 *
 * @param messageId the id the stub answered with, as in {@code SendResult.messageId()}
 * @param to the {@code to} field: the recipient in E.164 form
 * @param sender the {@code sender} field
 * @param type the {@code type} field, for example {@code OTP}
 * @param body the {@code body} field, the text with the code in it
 * @param templateId the {@code template_id} field, or {@code null} when absent
 */
public record ReceivedSms(
        String messageId, String to, String sender, String type, String body, @Nullable String templateId)
        implements Received {

    public ReceivedSms {
        Objects.requireNonNull(messageId, "messageId");
    }

    @Override
    public String toString() {
        return "ReceivedSms{messageId=" + messageId + ", to=" + to + ", sender=" + sender + ", type=" + type
                + (templateId == null ? "" : ", templateId=" + templateId) + ", body=****}";
    }
}
