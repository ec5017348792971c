package dev.waotp.sample.web;

import dev.waotp.spring.security.PhoneUserResolver;
import dev.waotp.spring.security.UserPhoneResolver;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The sample's two users, each with a password and a WhatsApp number; a real application asks its user
 * store. Both resolvers of the WhatsApp login are here: user by phone, and phone of a signed-in user.
 */
@Component
public class SampleUsers implements UserDetailsService, PhoneUserResolver, UserPhoneResolver {
    /** Alice's number; the browser tests sign in with it. */
    public static final String ALICE_PHONE = "+919876543210";
    /** Alice's password, for the page that needs a password too. */
    public static final String ALICE_PASSWORD = "alice-password";

    private final Map<String, String> usernamesByPhone = Map.of(ALICE_PHONE, "alice", "+919876500000", "bob");
    private final Map<String, UserDetails> users;

    /** The two users, their passwords hashed as a real store keeps them. */
    public SampleUsers() {
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        this.users = Map.of(
                "alice", User.withUsername("alice").password(passwords.encode(ALICE_PASSWORD)).roles("USER").build(),
                "bob", User.withUsername("bob").password(passwords.encode("bob-password")).roles("USER").build());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        // A copy each time: Spring Security erases the password of the one it was given.
        return User.withUserDetails(user).build();
    }

    @Override
    public @Nullable UserDetails findByPhone(String phone) {
        String username = usernamesByPhone.get(phone);
        return username == null ? null : loadUserByUsername(username);
    }

    @Override
    public @Nullable String phoneOf(Authentication authentication) {
        return usernamesByPhone.entrySet().stream()
                .filter(entry -> entry.getValue().equals(authentication.getName()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
