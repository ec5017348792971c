package dev.waotp.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The phone a code was sent to by {@code POST .../start} in this session, so that {@code POST .../check}
 * checks the code for it and for nothing a client posts. One per purpose, so that two endpoint pairs of one
 * application never mix their phones. It belongs to the user signed in at the start (the request's remote
 * user; null for no one): once another is, it is dropped, as the session outlives a change of user.
 *
 * @param phone the number the code went to
 * @param user the name of the user signed in at the start; null when no one was
 */
record PendingVerification(String phone, @Nullable String user) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = PendingVerification.class.getName() + ":";

    /** Keeps {@code phone} as this session's pending phone for {@code purpose}, for the user signed in now. */
    static void keep(HttpServletRequest request, String purpose, String phone) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE + purpose,
                new PendingVerification(phone, request.getRemoteUser()));
    }

    /** This session's pending phone for {@code purpose}, if the user who started it is still the one signed in. */
    static @Nullable PendingVerification of(HttpServletRequest request, String purpose) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(SESSION_ATTRIBUTE + purpose) instanceof PendingVerification pending)) {
            return null;
        }
        if (!Objects.equals(pending.user, request.getRemoteUser())) {
            session.removeAttribute(SESSION_ATTRIBUTE + purpose);
            return null;
        }
        return pending;
    }

    /** The code was approved: it proves nothing more, so the phone is no longer pending. */
    static void forget(HttpServletRequest request, String purpose) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE + purpose);
        }
    }
}
