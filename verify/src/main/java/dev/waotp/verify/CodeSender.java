package dev.waotp.verify;

import dev.waotp.SendResult;

/**
 * Sends a verification code to a phone; a method reference to a generated waotp sender fits
 * ({@code loginCode::send}). A failure is thrown (usually a {@code KaleyraException}); the
 * {@link Verifier} passes it on to its caller.
 */
@FunctionalInterface
public interface CodeSender {
    /** Sends {@code code} to {@code phone} (E.164) and returns Kaleyra's answer. */
    SendResult send(String phone, String code);
}
