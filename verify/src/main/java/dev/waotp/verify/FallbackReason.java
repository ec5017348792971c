package dev.waotp.verify;

/** Why a code was sent again on the fallback channel. */
public enum FallbackReason {
    /** The WhatsApp send failed at once with an answer that means this number cannot get it. */
    SEND_REFUSED,
    /** A {@code failed} or {@code not-sent} status callback arrived for the pending code's message. */
    DELIVERY_FAILED,
    /** The application asked, because its user chose "send it by SMS instead". */
    ASKED,
    /** No {@code delivered} arrived within {@link SmsFallback.Builder#noDeliveryAfter}. */
    NO_DELIVERY
}
