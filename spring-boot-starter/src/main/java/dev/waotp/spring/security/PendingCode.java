package dev.waotp.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;

/**
 * A code sent in this session and not yet checked: the phone it went to, what it is for and who asked.
 * Kept in the HTTP session, never in the form, so that the code typed is checked against the number of
 * this very attempt; the code itself is never kept. It belongs to whoever was signed in when it was asked
 * for (no one, for most sign-in codes): once someone else is, it is dropped, because the session and its
 * attributes outlive a change of user (Spring Security only changes the session's id).
 *
 * @param phone the number the code went to
 * @param secondFactor whether it proves a factor for the signed-in user rather than signing someone in
 * @param askedBy the name of the user signed in when the code was asked for; null when no one was
 * @param bySms whether the code pending went by SMS as far as this session may be told: after "send it by SMS
 *     instead", or a second factor's start that fell back. A sign-in's automatic fallback is not told (see
 *     {@link CodeChannels})
 */
record PendingCode(String phone, boolean secondFactor, @Nullable String askedBy, boolean bySms)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_ATTRIBUTE = PendingCode.class.getName();
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** A code sent by WhatsApp, as far as this session may be told. */
    PendingCode(String phone, boolean secondFactor, @Nullable String askedBy) {
        this(phone, secondFactor, askedBy, false);
    }

    /** The same code's place, now taken by one sent by SMS. */
    PendingCode sentBySms() {
        return new PendingCode(phone, secondFactor, askedBy, true);
    }

    /**
     * This session's pending code if it was asked for by {@code signedIn}'s user (or by no one, when no one
     * is signed in); a code asked for by anyone else is removed from the session and null is returned.
     */
    static @Nullable PendingCode of(HttpServletRequest request, @Nullable Authentication signedIn) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof PendingCode pending)) {
            return null;
        }
        if (!pending.askedBy(signedIn)) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            return null;
        }
        return pending;
    }

    /** Whether this code was asked for by {@code signedIn}'s user, or by no one while no one is signed in. */
    boolean askedBy(@Nullable Authentication signedIn) {
        return Objects.equals(askedBy, nameOf(signedIn));
    }

    /** The name of the user signed in; null for no one, an anonymous or an unauthenticated token. */
    static @Nullable String nameOf(@Nullable Authentication authentication) {
        return TRUST.isAuthenticated(authentication) ? authentication.getName() : null;
    }

    /** The number as the pages show it: its last four digits only. */
    String maskedPhone() {
        return "\u2022\u2022\u2022 " + phone.substring(Math.max(0, phone.length() - 4));
    }
}
