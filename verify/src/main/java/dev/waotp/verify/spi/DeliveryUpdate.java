package dev.waotp.verify.spi;

/** What {@link VerificationStore#recordDelivery} did with a delivery status. */
public enum DeliveryUpdate {
    /** The status is about no live code of the key (unknown, replaced, approved or expired): nothing changed. */
    NOT_CURRENT,
    /** Nothing changed: the recorded state is as new or newer (a late {@code delivered} after {@code failed}). */
    UNCHANGED,
    /** The state moved on. */
    UPDATED,
    /** The state became a failure ({@code failed} or {@code not-sent}) now, for the first time for this message. */
    FAILED
}
