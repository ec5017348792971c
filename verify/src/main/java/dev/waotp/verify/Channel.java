package dev.waotp.verify;

/** The way a code reached (or was meant to reach) the user. */
public enum Channel {
    /** A WhatsApp authentication template, through the verifier's sender. */
    WHATSAPP,
    /** A text message, through the {@link SmsFallback}'s sender. */
    SMS
}
