package dev.waotp.verify;

import dev.waotp.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a fallback did: a new code went by SMS, or nothing was sent, and why. Never a silent drop. */
public sealed interface FallbackResult permits FallbackResult.Sent, FallbackResult.Refused {

    /**
     * A new code was sent on {@code channel}; the code it replaces stopped working.
     *
     * @param channel the channel that carried the new code
     * @param reason why the code was sent again
     * @param sendResult the provider's answer
     * @param expiresAt when the new code stops working
     */
    record Sent(Channel channel, FallbackReason reason, SendResult sendResult, Instant expiresAt)
            implements FallbackResult {
        /** Checks that no field is null. */
        public Sent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sendResult, "sendResult");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Nothing was sent.
     *
     * @param reason why a fallback was asked for
     * @param refusal why it was refused
     * @param retryAfter when the refusing limit allows one again; {@code null} when waiting does not help
     */
    record Refused(FallbackReason reason, Refusal refusal, @Nullable Duration retryAfter) implements FallbackResult {
        /** Checks that the reason and the refusal are given. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** Why a fallback sent nothing. */
    enum Refusal {
        /** The verifier has no {@link SmsFallback}. */
        NOT_CONFIGURED,
        /** The phone's country calling code is not on the fallback's allow-list. */
        COUNTRY_NOT_ALLOWED,
        /** The application-wide SMS cap is used up. */
        SMS_CAP_REACHED,
        /**
         * A rate limit refused an asked-for fallback ({@code resendBySms}): the phone's, the caller's or the
         * application's. An automatic fallback belongs to the start it replaces and takes none of their tokens.
         */
        RATE_LIMITED,
        /** The verification's sends are used up (an asked-for fallback; an automatic one takes the failed send's place). */
        SENDS_USED_UP,
        /** Asked for sooner than the resend wait after the last send. */
        TOO_SOON,
        /** No code is pending, or the failed message is no longer the pending one (it fell back already, or a start replaced it). */
        NOT_PENDING,
        /** Too many checks failed; the phone is locked for this purpose. */
        LOCKED
    }
}
