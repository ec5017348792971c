package dev.waotp.verify;

import dev.waotp.SendResult;

/**
 * Sends a verification code with the verifier's tag for it, which the send must put into
 * {@code extra_info.ref2}: Kaleyra echoes {@code ref2} in its delivery callbacks, and that is how the
 * verifier knows which pending code a callback is about (no id of the 202 answer comes back in a
 * callback). A generated sender fits when its method takes the tag as {@code @Ref2}:
 *
 * <pre>{@code
 * SendResult send(@To String phone, @Otp String code, @Ref2 String tag);
 * ...
 * Verifier.builder().trackedSender(loginCode::send)
 * }</pre>
 */
@FunctionalInterface
public interface TrackedCodeSender {
    /** Sends {@code code} to {@code phone} (E.164) with {@code tag} as {@code ref2}, and returns Kaleyra's answer. */
    SendResult send(String phone, String code, String tag);
}
