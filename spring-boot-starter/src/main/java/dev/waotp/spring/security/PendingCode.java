package dev.waotp.spring.security;

import java.io.Serial;
import java.io.Serializable;

/**
 * A code sent in this session and not yet checked: the phone it went to and what it is for. Kept in the
 * HTTP session, never in the form, so that the code typed is checked against the number of this very
 * attempt; the code itself is never kept.
 *
 * @param phone the number the code went to
 * @param secondFactor whether it proves a factor for the signed-in user rather than signing someone in
 */
record PendingCode(String phone, boolean secondFactor) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_ATTRIBUTE = PendingCode.class.getName();

    /** The number as the pages show it: its last four digits only. */
    String maskedPhone() {
        return "\u2022\u2022\u2022 " + phone.substring(Math.max(0, phone.length() - 4));
    }
}
