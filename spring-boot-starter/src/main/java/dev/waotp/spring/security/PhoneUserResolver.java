package dev.waotp.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The application's users by phone number, for the WhatsApp-code login. Called twice per login: before a
 * code is sent (an unknown number gets none, though the page looks the same, so that it does not tell
 * which numbers have accounts) and after the code is approved (the user signed in).
 */
@FunctionalInterface
public interface PhoneUserResolver {
    /**
     * The user whose account has this phone number.
     *
     * @param phone the number as the user typed it, in E.164 form (checked by the verifier)
     * @return the user, or null when no account has it; a disabled or locked user is refused
     */
    @Nullable UserDetails findByPhone(String phone);
}
