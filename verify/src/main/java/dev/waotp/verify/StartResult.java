package dev.waotp.verify;

import dev.waotp.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What {@link Verifier#start} did: a code was sent, or the start was refused and says for how long. */
public sealed interface StartResult
        permits StartResult.Sent, StartResult.TooSoon, StartResult.RateLimited, StartResult.Locked {

    /**
     * A new code was sent; any earlier code for the phone stopped working.
     *
     * @param sendResult Kaleyra's answer to the send
     * @param expiresAt when the code stops working
     * @param resendAfter how long until the next start for this phone can succeed
     * @param sendsLeft how many more codes this verification may send
     * @param channel the channel that carried the code: {@link Channel#SMS} when the WhatsApp send was
     *     refused at once and the {@link SmsFallback} sent it instead
     */
    record Sent(SendResult sendResult, Instant expiresAt, Duration resendAfter, int sendsLeft, Channel channel)
            implements StartResult {
        /** Checks that no field is null. */
        public Sent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(sendResult, "sendResult");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(resendAfter, "resendAfter");
        }
    }

    /**
     * Nothing was sent: the last code went out less than {@code resendAfter} ago, or the verification's
     * sends are used up until it expires.
     *
     * @param retryAfter how long until a start can succeed
     */
    record TooSoon(Duration retryAfter) implements StartResult {
        /** Checks that the wait is given. */
        public TooSoon {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Nothing was sent: a rate limit refused the start.
     *
     * @param limit the limit that refused
     * @param retryAfter how long until that limit allows a start again
     */
    record RateLimited(RateLimit limit, Duration retryAfter) implements StartResult {
        /** Checks that no field is null. */
        public RateLimited {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Nothing was sent: too many checks failed for this phone and purpose, and it is locked.
     *
     * @param until when starts and checks are allowed again
     */
    record Locked(Instant until) implements StartResult {
        /** Checks that the end is given. */
        public Locked {
            Objects.requireNonNull(until, "until");
        }
    }
}
