package dev.waotp.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A phone number this session proved it receives: {@code POST {waotp.web.path}/check} keeps it in the HTTP
 * session under {@link #SESSION_ATTRIBUTE} when it approves a code. An application reads it on the server
 * with {@link #from(HttpServletRequest)}, never from what the browser says ({@code {"approved":true}} is for
 * the page to move on, and a client can write it itself).
 *
 * <pre>{@code
 * VerifiedPhone.from(request).map(VerifiedPhone::phone).ifPresent(phone -> account.setPhone(phone));
 * }</pre>
 *
 * @param phone the number, E.164
 * @param purpose the verifier purpose of the code ({@code waotp.web.purpose})
 * @param verifiedAt when the code was approved, for an application that wants a recent proof
 * @param user the name of the user signed in when the code was approved (the request's remote user); null
 *     when no one was
 */
public record VerifiedPhone(String phone, String purpose, Instant verifiedAt, @Nullable String user)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute that holds the last phone verified in the session. */
    public static final String SESSION_ATTRIBUTE = "dev.waotp.spring.web.VerifiedPhone";

    /** Checks that the phone, purpose and time are given. */
    public VerifiedPhone {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    /**
     * The phone this request's session verified, if the user signed in now is the one who verified it (or
     * no one was then and no one is now). A phone another user verified in the session is removed: a
     * session keeps its attributes when someone else signs in, and the proof is not theirs.
     *
     * @param request the current request
     * @return the verified phone, or empty when the session has none for this user
     */
    public static Optional<VerifiedPhone> from(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof VerifiedPhone verified)) {
            return Optional.empty();
        }
        if (!Objects.equals(verified.user, request.getRemoteUser())) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    /**
     * Keeps the approval in the session, under a new session id: an id that someone else set beforehand in
     * this browser (session fixation) must not come to hold a phone they never verified.
     */
    static void keep(HttpServletRequest request, String purpose, String phone, Instant now) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE,
                new VerifiedPhone(phone, purpose, now, request.getRemoteUser()));
        request.changeSessionId();
    }
}
