package dev.waotp.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The WhatsApp number of an already signed-in user, where the second-factor code goes. Asked when the code
 * is sent and again when it is typed: a code that went to a number the account no longer has proves nothing.
 */
@FunctionalInterface
public interface UserPhoneResolver {
    /**
     * The number on this user's account.
     *
     * @param authentication the current, authenticated user, for example after a password
     * @return the number in E.164 form, or null when the account has none (the page says so)
     */
    @Nullable String phoneOf(Authentication authentication);
}
