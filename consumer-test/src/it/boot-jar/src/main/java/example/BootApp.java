package example;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Sends one code through the starter's sender to dev mode's embedded stub, prints the message id and
 * stops: verify.groovy runs the repackaged jar, so the application works with the one Jackson it holds.
 */
@SpringBootApplication
public class BootApp {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BootApp.class, args)));
    }

    @Bean
    ApplicationRunner sendOnce(LoginCode login) {
        return args -> System.out.println("waotp sent " + login.send("+919876543210", "482913").messageId());
    }
}
