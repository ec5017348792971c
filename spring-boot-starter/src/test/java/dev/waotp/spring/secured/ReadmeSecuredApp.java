package dev.waotp.spring.secured;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;
import static org.springframework.security.config.Customizer.withDefaults;

import dev.waotp.DeliveryListener;
import dev.waotp.DeliveryStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application built from the README alone: its {@code SecurityConfiguration} (everything needs a
 * sign-in, a form login, the WhatsApp login) and nothing about waotp's own endpoints. The starter's tests
 * have no Boot security auto-configuration, so {@code @EnableWebSecurity} stands in for it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
class ReadmeSecuredApp {
    static final String ALICE = "+919876543210";

    final List<DeliveryStatus> heard = Collections.synchronizedList(new ArrayList<>());

    @Bean
    DeliveryListener codeDeliveries() {
        return heard::add;
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}alice-password")
                .roles("USER").build());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService users) {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .formLogin(withDefaults())
                .with(whatsAppLogin(), whatsApp -> whatsApp
                        .users(phone -> ALICE.equals(phone) ? users.loadUserByUsername("alice") : null));
        return http.build();
    }

    /** Pages beside waotp's own, which the application's chain must still protect. */
    @RestController
    static class Neighbours {
        @GetMapping("/waotp/secret")
        String secret() {
            return "secret";
        }

        @PostMapping("/waotp/callbacks/more")
        String more() {
            return "more";
        }

        @GetMapping("/waotp/callbacks")
        String callbacksByGet() {
            return "get";
        }
    }
}
