package dev.waotp.spring.callerkey;

import static dev.waotp.spring.security.WhatsAppLoginConfigurer.whatsAppLogin;

import dev.waotp.spring.web.TestVerifiers;
import dev.waotp.verify.Verifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A running application with the WhatsApp sign-in's phone form and the JSON start endpoint, over a
 * verifier with the default limits (20 starts an hour per caller key). Every number has an account.
 * CSRF is off: these tests are about where a post comes from, not about forms of other sites.
 */
@SpringBootApplication
@EnableWebSecurity
class PhoneFormApp {
    @Bean
    Verifier verifier() {
        return new TestVerifiers().builder().build();
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .with(whatsAppLogin(), whatsApp -> whatsApp.users(phone ->
                        User.withUsername(phone).password("unused").roles("USER").build()));
        return http.build();
    }
}
