package dev.waotp.spring.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The Spring Security 7 factor a WhatsApp code proves, beside {@link FactorGrantedAuthority#PASSWORD_AUTHORITY}
 * and the others: require it with {@code @EnableMultiFactorAuthentication(authorities = {PASSWORD_AUTHORITY,
 * WhatsAppFactor.AUTHORITY})}, {@code AuthorizationManagerFactories.multiFactor()} or
 * {@code hasAllAuthorities(...)}.
 */
public final class WhatsAppFactor {
    /** The authority name, {@code FACTOR_WHATSAPP}. */
    public static final String AUTHORITY = "FACTOR_WHATSAPP";

    private WhatsAppFactor() {}

    /** A fresh factor authority, issued now. */
    public static GrantedAuthority authority() {
        return FactorGrantedAuthority.fromAuthority(AUTHORITY);
    }
}
