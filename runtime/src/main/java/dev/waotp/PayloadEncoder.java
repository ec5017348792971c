package dev.waotp;

import org.jspecify.annotations.Nullable;

/**
 * Writes the JSON request body of one {@link AuthMessage}: its template's constant bytes, with the
 * message's values escaped the way Jackson escapes them (see {@link PayloadShape}).
 */
final class PayloadEncoder {
    private final @Nullable String defaultCallbackProfileId;

    PayloadEncoder() {
        this(null);
    }

    /** {@code defaultCallbackProfileId} goes into every payload whose message names no profile of its own. */
    PayloadEncoder(@Nullable String defaultCallbackProfileId) {
        this.defaultCallbackProfileId = defaultCallbackProfileId;
    }

    byte[] encode(AuthMessage message) {
        String callbackProfileId = message.callbackProfileId() != null
                ? message.callbackProfileId() : defaultCallbackProfileId;
        int refs = (message.ref() != null ? PayloadShape.HAS_REF : 0)
                | (message.ref1() != null ? PayloadShape.HAS_REF1 : 0)
                | (message.ref2() != null ? PayloadShape.HAS_REF2 : 0)
                | (callbackProfileId != null ? PayloadShape.HAS_CALLBACK_PROFILE : 0);
        return message.template().shape(refs).fill(message, callbackProfileId);
    }
}
