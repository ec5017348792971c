package dev.waotp;

/**
 * Kaleyra accepted the message (HTTP 202, code {@code WA202}).
 *
 * @param messageId Kaleyra's id for the message, as reported in delivery callbacks
 * @param code Kaleyra's code, {@code WA202}
 * @param message Kaleyra's message, for example {@code Request Accepted}
 */
public record SendResult(String messageId, String code, String message) {}
