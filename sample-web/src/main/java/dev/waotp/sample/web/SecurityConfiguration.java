package dev.waotp.sample.web;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.springframework.security.config.Customizer.withDefaults;

import dev.waotp.spring.security.WhatsAppFactor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign in by password ({@code formLogin()}) or by WhatsApp code; {@code /admin} needs both factors, so
 * a user who signed in one way is asked for the other. {@code @EnableMultiFactorAuthentication} with no
 * global authorities lets each login add its factor to the user's authentication instead of replacing it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SampleUsers users) {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/", "/waotp/dev/messages", "/error").permitAll()
                        .requestMatchers("/admin").hasAllAuthorities(
                                FactorGrantedAuthority.PASSWORD_AUTHORITY, WhatsAppFactor.AUTHORITY)
                        .anyRequest().authenticated())
                .formLogin(withDefaults())
                .with(whatsAppLogin(), whatsApp -> whatsApp.users(users).secondFactor(users))
                .logout(withDefaults());
        return http.build();
    }
}
