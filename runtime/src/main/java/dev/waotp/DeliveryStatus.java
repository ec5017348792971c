package dev.waotp;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery status from a Kaleyra status callback, as {@link CallbackHandler} hands it to each
 * {@link DeliveryListener}.
 *
 * <h2>Which send it belongs to</h2>
 *
 * <p><strong>No field of a callback reliably equals {@link SendResult#messageId()}.</strong> The send's
 * 202 names the message with Kaleyra's id ({@code A} and 19 characters on the send page), while the
 * callbacks on Kaleyra's pages carry Meta's ids: {@link #messageId()} is a {@code wamid.} id and
 * {@link #statusId()} a 32-character hex id
 * (https://developers.kaleyra.io/docs/wa-status-update-webhooks-payload-v2-sent). What the page does
 * promise is that {@code ref}, {@code ref1} and {@code ref2} of the send come back "in report and
 * callback" (send page, {@code extra_info}). So <strong>correlate through a ref</strong>: set one
 * on the send ({@link AuthMessage.Builder#ref2}, or {@code @Ref2} on a generated sender) to a value
 * of your own, unique per send, and match {@link #ref2()} here. waotp-verify tags its own sends in
 * {@code ref2}.
 *
 * <p>Kaleyra may post the same status twice, statuses out of order, and statuses of messages another
 * instance (or another application on the same number) sent; see {@link DeliveryListener}.
 *
 * <p>{@link #toString()} masks the recipient and the refs.
 *
 * @param state what happened
 * @param messageId Kaleyra's top-level {@code message_id} of the callback (Meta's {@code wamid.} id),
 *     else {@code extra_info.message_id}; the same for every status of one message
 * @param statusId Meta's {@code statuses[].id}; {@code null} on a {@link DeliveryState#NOT_SENT},
 *     which Meta never saw
 * @param recipient Meta's {@code recipient_id}: country code and number, digits only, no {@code +};
 *     {@code null} on a {@link DeliveryState#NOT_SENT}
 * @param timestamp when Meta says it happened; {@code null} when the callback gives no time
 * @param errorCode on {@link DeliveryState#FAILED}, Meta's error code (for example {@code 131026},
 *     message undeliverable); on {@link DeliveryState#NOT_SENT}, Kaleyra's code (for example
 *     {@code WAV2101}, daily limit); otherwise {@code null}
 * @param errorTitle Meta's error title or Kaleyra's {@code reason}, with {@link #errorCode}
 * @param ref {@code extra_info.ref} of the send, echoed by Kaleyra
 * @param ref1 {@code extra_info.ref1} of the send, echoed by Kaleyra
 * @param ref2 {@code extra_info.ref2} of the send, echoed by Kaleyra
 */
public record DeliveryStatus(
        DeliveryState state,
        String messageId,
        @Nullable String statusId,
        @Nullable String recipient,
        @Nullable Instant timestamp,
        @Nullable String errorCode,
        @Nullable String errorTitle,
        @Nullable String ref,
        @Nullable String ref1,
        @Nullable String ref2) {

    /** Checks that the state and the message id are there. */
    public DeliveryStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(messageId, "messageId");
    }

    @Override
    public String toString() {
        return "DeliveryStatus{state=" + state + ", messageId=" + messageId
                + (statusId == null ? "" : ", statusId=" + statusId)
                + (recipient == null ? "" : ", recipient=" + Redaction.phoneNumber(recipient))
                + (timestamp == null ? "" : ", timestamp=" + timestamp)
                + (errorCode == null ? "" : ", errorCode=" + errorCode)
                + (errorTitle == null ? "" : ", errorTitle=" + errorTitle)
                + (ref == null ? "" : ", ref=" + Redaction.SECRET)
                + (ref1 == null ? "" : ", ref1=" + Redaction.SECRET)
                + (ref2 == null ? "" : ", ref2=" + Redaction.SECRET)
                + "}";
    }
}
