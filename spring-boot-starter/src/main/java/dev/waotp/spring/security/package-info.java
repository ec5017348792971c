/**
 * Spring Security sign-in by WhatsApp code: {@link dev.waotp.spring.security.WhatsAppLoginConfigurer}, used
 * with {@code http.with(...)} beside {@code formLogin()}, as a login of its own (phone, then code) and as a
 * second factor ({@link dev.waotp.spring.security.WhatsAppFactor#AUTHORITY}) after another login.
 */
@NullMarked
package dev.waotp.spring.security;

import org.jspecify.annotations.NullMarked;
