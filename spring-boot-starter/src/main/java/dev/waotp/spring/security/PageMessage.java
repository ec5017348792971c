package dev.waotp.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One message for the next page the user sees (after a redirect), shown once: what happened to the code
 * sent or typed.
 *
 * @param text the sentence shown
 * @param error whether it reports a refusal (shown as an alert) rather than progress
 * @param phone the number the user typed, put back in the phone form so that a refusal does not empty it; null
 *     when the page has no phone field
 */
record PageMessage(String text, boolean error, @Nullable String phone) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = PageMessage.class.getName();

    static PageMessage info(String text) {
        return new PageMessage(text, false, null);
    }

    static PageMessage error(String text) {
        return new PageMessage(text, true, null);
    }

    /** This message, with the number the user typed to put back in the form. */
    PageMessage withPhone(@Nullable String typed) {
        return new PageMessage(text, error, typed);
    }

    void keepFor(HttpServletRequest request) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** The message kept for this page, removed so that a reload does not show it again. */
    static @Nullable PageMessage take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object message = session.getAttribute(SESSION_ATTRIBUTE);
        session.removeAttribute(SESSION_ATTRIBUTE);
        return message instanceof PageMessage page ? page : null;
    }
}
