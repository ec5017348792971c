package dev.waotp.spring.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A sign-in or a second factor by WhatsApp code. Before the check it holds the code typed and the code
 * sent in this session ({@link #unauthenticated}); after, the user and their authorities, with
 * {@link WhatsAppFactor#AUTHORITY} among them, and no code.
 */
public final class WhatsAppCodeAuthenticationToken extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Object principal;
    private @Nullable String code;
    private final transient @Nullable PendingCode pending;
    private final transient @Nullable Authentication signedIn;
    private final transient @Nullable String callerKey;

    private WhatsAppCodeAuthenticationToken(Object principal, @Nullable String code, @Nullable PendingCode pending,
            @Nullable Authentication signedIn, @Nullable String callerKey,
            Collection<? extends GrantedAuthority> authorities, boolean authenticated) {
        super(authorities);
        this.principal = principal;
        this.code = code;
        this.pending = pending;
        this.signedIn = signedIn;
        this.callerKey = callerKey;
        super.setAuthenticated(authenticated);
    }

    /**
     * @param signedIn whoever is signed in as the code is typed (null or anonymous for no one)
     * @param callerKey the client's, for the verifier's check limit
     */
    static WhatsAppCodeAuthenticationToken unauthenticated(PendingCode pending, String code,
            @Nullable Authentication signedIn, String callerKey) {
        return new WhatsAppCodeAuthenticationToken(pending.phone(), code, pending, signedIn, callerKey, List.of(),
                false);
    }

    static WhatsAppCodeAuthenticationToken authenticated(Object principal,
            Collection<? extends GrantedAuthority> authorities) {
        return new WhatsAppCodeAuthenticationToken(principal, null, null, null, null, authorities, true);
    }

    /** The code typed, before the check; null after it. */
    @Override
    public @Nullable Object getCredentials() {
        return code;
    }

    /** The phone number before the check; the user after it. */
    @Override
    public Object getPrincipal() {
        return principal;
    }

    /** Forgets the code typed. */
    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        code = null;
    }

    @Nullable PendingCode pending() {
        return pending;
    }

    @Nullable Authentication signedIn() {
        return signedIn;
    }

    @Nullable String callerKey() {
        return callerKey;
    }
}
