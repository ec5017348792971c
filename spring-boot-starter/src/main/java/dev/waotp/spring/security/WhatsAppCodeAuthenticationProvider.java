package dev.waotp.spring.security;

import dev.waotp.InvalidInputException;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.VerificationStoreException;
import dev.waotp.verify.Verifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Checks a {@link WhatsAppCodeAuthenticationToken} with the verifier of its purpose (login or second
 * factor), and on approval gives the user, looked up by phone, or the user already signed in, the
 * {@link WhatsAppFactor#AUTHORITY} factor. Every refusal is a Spring Security failure (bad credentials, or a
 * service failure when the store or the limits failed) caused by a {@link WhatsAppCodeException} whose
 * message says what happened and what to do.
 *
 * <p>A code is checked only for the user who asked for it: the one signed in now must be the one signed in
 * then, and a second-factor code must have gone to the number their account has now. Otherwise the code is
 * not even checked: the factor would go to someone whose phone never saw it.
 */
final class WhatsAppCodeAuthenticationProvider implements AuthenticationProvider {
    private final Verifier loginVerifier;
    private final Verifier factorVerifier;
    private final @Nullable PhoneUserResolver users;
    private final @Nullable UserPhoneResolver phones;
    private final Clock clock;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    WhatsAppCodeAuthenticationProvider(Verifier loginVerifier, Verifier factorVerifier,
            @Nullable PhoneUserResolver users, @Nullable UserPhoneResolver phones, Clock clock) {
        this.loginVerifier = loginVerifier;
        this.factorVerifier = factorVerifier;
        this.users = users;
        this.phones = phones;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        try {
            return checkToken((WhatsAppCodeAuthenticationToken) authentication);
        } catch (WhatsAppCodeException refused) {
            throw refused.asSpringSecurityFailure();
        }
    }

    private Authentication checkToken(WhatsAppCodeAuthenticationToken token) {
        PendingCode pending = token.pending();
        Object code = token.getCredentials();
        String callerKey = token.callerKey();
        if (pending == null || !(code instanceof String typed) || callerKey == null
                || !stillFor(pending, token.signedIn())) {
            throw new WhatsAppCodeException(OutcomeMessages.START_AGAIN, false);
        }
        CheckResult result = check(pending.secondFactor() ? factorVerifier : loginVerifier, pending.phone(), typed,
                callerKey);
        if (!(result instanceof CheckResult.Approved)) {
            throw new WhatsAppCodeException(OutcomeMessages.refused(result, clock),
                    OutcomeMessages.canTryAgain(result));
        }
        return pending.secondFactor() ? secondFactor(token.signedIn()) : signIn(pending.phone());
    }

    /** Whether the user who asked for the code is the one signed in, and a factor's number is still theirs. */
    private boolean stillFor(PendingCode pending, @Nullable Authentication signedIn) {
        if (!pending.askedBy(signedIn)) {
            return false;
        }
        if (!pending.secondFactor()) {
            return true;
        }
        return signedIn != null && phones != null && pending.phone().equals(phones.phoneOf(signedIn));
    }

    private static CheckResult check(Verifier verifier, String phone, String code, String callerKey) {
        try {
            return verifier.check(phone, code, callerKey);
        } catch (InvalidInputException e) {
            throw new WhatsAppCodeException("Enter the code from the WhatsApp message.", true);
        } catch (VerificationStoreException e) {
            throw WhatsAppCodeException.unavailable(OutcomeMessages.UNAVAILABLE);
        }
    }

    private Authentication signIn(String phone) {
        UserDetails user = users == null ? null : users.findByPhone(phone);
        if (user == null) {
            throw new WhatsAppCodeException(OutcomeMessages.START_AGAIN, false);
        }
        try {
            accountStatus.check(user);
        } catch (AccountStatusException e) {
            throw new WhatsAppCodeException("This account cannot sign in.", false);
        }
        return WhatsAppCodeAuthenticationToken.authenticated(user, withFactor(user.getAuthorities()));
    }

    /** The user stays who they are; they gain the factor, and keep every authority they had (the password's). */
    private static Authentication secondFactor(@Nullable Authentication signedIn) {
        if (signedIn == null || !signedIn.isAuthenticated()) {
            throw new WhatsAppCodeException(OutcomeMessages.START_AGAIN, false);
        }
        WhatsAppCodeAuthenticationToken result = WhatsAppCodeAuthenticationToken.authenticated(
                signedIn.getPrincipal(), withFactor(signedIn.getAuthorities()));
        result.setDetails(signedIn.getDetails());
        return result;
    }

    private static List<GrantedAuthority> withFactor(java.util.Collection<? extends GrantedAuthority> authorities) {
        List<GrantedAuthority> all = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            if (!WhatsAppFactor.AUTHORITY.equals(authority.getAuthority())) {
                all.add(authority);
            }
        }
        all.add(WhatsAppFactor.authority());
        return all;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WhatsAppCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
