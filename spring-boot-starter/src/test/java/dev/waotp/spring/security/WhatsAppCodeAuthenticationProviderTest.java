package dev.waotp.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.spring.web.TestVerifiers;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/**
 * The provider on its own, without the session strategy that drops a pending code at a sign-in: whatever
 * the session still holds, a code is checked only for the user who asked for it, and a factor only for the
 * number their account has now.
 */
class WhatsAppCodeAuthenticationProviderTest {
    private static final String ALICE = "+919876543210";
    private static final String BOB = "+919876500000";
    private static final String CALLER = "203.0.113.7";

    private final TestVerifiers verifiers = new TestVerifiers();
    private final Verifier verifier = verifiers.builder()
            .rateLimits(RateLimits.builder().perCallerChecks(1, Duration.ofHours(1)).build()).build();
    private final Map<String, String> phones = new HashMap<>(Map.of("alice", ALICE, "bob", BOB));
    private final WhatsAppCodeAuthenticationProvider provider = new WhatsAppCodeAuthenticationProvider(
            verifier.forPurpose("login"), verifier.forPurpose("second-factor"),
            phone -> phone.equals(BOB) ? User.withUsername("bob").password("x").roles("USER").build() : null,
            authentication -> phones.get(authentication.getName()), Clock.systemUTC());

    private static Authentication password(String username) {
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("FACTOR_PASSWORD"));
    }

    private String factorCodeFor(String username, String phone) {
        verifier.forPurpose("second-factor").start(phone, CALLER);
        return verifiers.lastCodeSentTo(phone);
    }

    private Authentication type(PendingCode pending, String code, Authentication signedIn, String caller) {
        return provider.authenticate(WhatsAppCodeAuthenticationToken.unauthenticated(pending, code, signedIn, caller));
    }

    @Test
    void aFactorCodeAskedForByBobIsNotEvenCheckedForAlice() {
        String code = factorCodeFor("bob", BOB);
        PendingCode bobs = new PendingCode(BOB, true, "bob");

        assertThatThrownBy(() -> type(bobs, TestVerifiers.wrong(code), password("alice"), CALLER))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .satisfies(e -> assertThat(WhatsAppCodeException.in((BadCredentialsException) e).canTryAgain()).isFalse())
                .hasMessage(OutcomeMessages.START_AGAIN);

        assertThatThrownBy(() -> type(bobs, TestVerifiers.wrong(code), password("bob"), "198.51.100.8"))
                .as("alice's try counted no attempt").hasMessage("Wrong code. 4 attempts left.");
        Authentication bob = type(bobs, code, password("bob"), "198.51.100.9");
        assertThat(bob.getName()).isEqualTo("bob");
        assertThat(bob.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", WhatsAppFactor.AUTHORITY);
    }

    @Test
    void aFactorCodeIsRefusedOnceTheUsersNumberIsNoLongerTheOneItWentTo() {
        String code = factorCodeFor("alice", ALICE);
        phones.put("alice", "+919876511111");

        assertThatThrownBy(() -> type(new PendingCode(ALICE, true, "alice"), code, password("alice"), CALLER))
                .isExactlyInstanceOf(BadCredentialsException.class).hasCauseInstanceOf(WhatsAppCodeException.class)
                .hasMessage(OutcomeMessages.START_AGAIN);
    }

    @Test
    void aSignInCodeAskedForByNoOneIsRefusedOnceSomeoneIsSignedIn() {
        verifier.forPurpose("login").start(BOB, CALLER);
        String code = verifiers.lastCodeSentTo(BOB);
        PendingCode anonymous = new PendingCode(BOB, false, null);

        assertThatThrownBy(() -> type(anonymous, code, password("alice"), CALLER))
                .isExactlyInstanceOf(BadCredentialsException.class).hasCauseInstanceOf(WhatsAppCodeException.class)
                .hasMessage(OutcomeMessages.START_AGAIN);

        Authentication nobody = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(type(anonymous, code, nobody, CALLER).getName()).isEqualTo("bob");
    }

    @Test
    void checksCountAgainstTheCallersCheckLimitAndTheCodeSurvivesTheWait() {
        String code = factorCodeFor("alice", ALICE);
        PendingCode alices = new PendingCode(ALICE, true, "alice");
        assertThatThrownBy(() -> type(alices, TestVerifiers.wrong(code), password("alice"), CALLER))
                .hasMessage("Wrong code. 4 attempts left.");

        assertThatThrownBy(() -> type(alices, code, password("alice"), CALLER))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .satisfies(e -> assertThat(WhatsAppCodeException.in((BadCredentialsException) e).canTryAgain()).isTrue())
                .hasMessage("Too many codes were tried from here. Try again in 60 minutes.");
        assertThat(type(alices, code, password("alice"), "198.51.100.9").getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsAll(List.of(WhatsAppFactor.AUTHORITY));
    }
}
