package dev.waotp.spring.security;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.StartResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What each verifier outcome tells the person at the browser, in plain words with the wait it implies. */
final class OutcomeMessages {
    static final String INVALID_PHONE = "Enter your WhatsApp number in international form, such as +919876543210.";
    static final String UNAVAILABLE = "Sign-in by WhatsApp is unavailable right now. Please try again later.";
    static final String NOT_SENT = "The code could not be sent. Please try again later.";
    static final String START_AGAIN = "Enter your WhatsApp number to get a code.";
    static final String NO_PHONE = "There is no WhatsApp number on your account.";

    private OutcomeMessages() {}

    /** @param told how the code went, from {@link CodeChannels#told} */
    static String sent(String maskedPhone, String told) {
        return "We sent a code to " + maskedPhone + " " + told + ".";
    }

    /** A refused "send it by SMS instead", worded as a refused start wherever the cause is the same. */
    static String refused(FallbackResult.Refused refused) {
        String wait = refused.retryAfter() == null ? "a while" : wait(refused.retryAfter());
        return switch (refused.refusal()) {
            case TOO_SOON, SENDS_USED_UP -> "A code was sent moments ago. Wait " + wait + " before asking for another.";
            case RATE_LIMITED -> "Too many codes were asked for. Try again in " + wait + ".";
            case LOCKED -> "Too many wrong codes. This number is locked; try again in " + wait + ".";
            case SMS_CAP_REACHED -> "Codes by SMS are unavailable right now. Try again in " + wait + ".";
            case COUNTRY_NOT_ALLOWED -> "We cannot send codes by SMS to this number.";
            case NOT_CONFIGURED -> "Codes by SMS are not available.";
            case NOT_PENDING -> START_AGAIN;
        };
    }

    static String refused(StartResult result, Clock clock) {
        if (result instanceof StartResult.TooSoon tooSoon) {
            return "A code was sent moments ago. Wait " + wait(tooSoon.retryAfter()) + " before asking for another.";
        }
        if (result instanceof StartResult.RateLimited limited) {
            return "Too many codes were asked for. Try again in " + wait(limited.retryAfter()) + ".";
        }
        if (result instanceof StartResult.Locked locked) {
            return locked(locked.until(), clock);
        }
        throw new IllegalArgumentException("a sent code is not refused");
    }

    static String refused(CheckResult result, Clock clock) {
        if (result instanceof CheckResult.WrongCode wrong) {
            int left = wrong.attemptsLeft();
            return left == 0 ? "Wrong code, and no attempts are left for it. Ask for a new code."
                    : "Wrong code. " + left + (left == 1 ? " attempt" : " attempts") + " left.";
        }
        if (result instanceof CheckResult.Expired) {
            return "The code has expired. Ask for a new code.";
        }
        if (result instanceof CheckResult.TooManyAttempts) {
            return "That code has no attempts left. Ask for a new code.";
        }
        if (result instanceof CheckResult.NotPending) {
            return "No code is waiting for this number. Ask for a new code.";
        }
        if (result instanceof CheckResult.Locked locked) {
            return locked(locked.until(), clock);
        }
        if (result instanceof CheckResult.RateLimited limited) {
            return "Too many codes were tried from here. Try again in " + wait(limited.retryAfter()) + ".";
        }
        throw new IllegalArgumentException("an approval is not refused");
    }

    /** Whether the user may type another code for the same send, or must ask for a new one. */
    static boolean canTryAgain(CheckResult result) {
        // A check refused by the caller's limit was not made: the code still works once the wait is over.
        return result instanceof CheckResult.WrongCode wrong && wrong.attemptsLeft() > 0
                || result instanceof CheckResult.RateLimited;
    }

    private static String locked(Instant until, Clock clock) {
        return "Too many wrong codes. This number is locked; try again in " + wait(Duration.between(clock.instant(),
                until)) + ".";
    }

    /** Seconds up to two minutes, then whole minutes, always rounded up so the user never waits in vain. */
    static String wait(Duration duration) {
        long seconds = Math.max(1, duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0));
        if (seconds <= 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
