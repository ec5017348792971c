package dev.waotp.spring.security;

import dev.waotp.verify.Channel;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import java.util.Optional;

/**
 * The channel the code form tells, and whether it offers "send it by SMS instead".
 *
 * <p>A second factor goes to the signed-in user's own number, so it is told the truth, read from the verifier on
 * every page (a fallback after a {@code failed} callback included). A sign-in is told only what cannot depend on
 * whether the number has an account: a number without one is sent nothing, so it never falls back by itself, and a
 * page that said "by SMS" after an automatic fallback would name the numbers that have accounts (every one of them
 * while the account's WhatsApp daily limit is reached). With a fallback configured a sign-in is told "by WhatsApp,
 * or by SMS if WhatsApp could not take it" until the user asks for SMS, which a number without an account gets
 * alike.
 */
final class CodeChannels {
    private final Verifier login;
    private final Verifier factor;

    CodeChannels(Verifier login, Verifier factor) {
        this.login = login;
        this.factor = factor;
    }

    /** How the code went, as the words after "sent to ••• 3210". */
    String told(PendingCode pending) {
        if (pending.bySms()) {
            return "by SMS";
        }
        if (pending.secondFactor()) {
            return delivery(pending).map(Delivery::channel).orElse(Channel.WHATSAPP) == Channel.SMS
                    ? "by SMS" : "by WhatsApp";
        }
        return login.hasSmsFallback() ? "by WhatsApp, or by SMS if WhatsApp could not take it" : "by WhatsApp";
    }

    /** Whether the code form offers "send it by SMS instead": whenever a fallback is configured, for any number. */
    boolean smsOffered(PendingCode pending) {
        return (pending.secondFactor() ? factor : login).hasSmsFallback();
    }

    private Optional<Delivery> delivery(PendingCode pending) {
        try {
            return factor.delivery(pending.phone());
        } catch (VerificationStoreException e) {
            // The page still shows; it tells what this session was told when the code was sent.
            return Optional.empty();
        }
    }
}
