package dev.waotp.sample.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the sample: {@code java -jar sample-web/target/waotp-sample-web.jar}, then open
 * http://localhost:8080. In dev mode (the default, {@code application.properties}) codes go to the
 * embedded Kaleyra stub and {@code /waotp/dev/messages} lists them.
 */
@SpringBootApplication
public class SampleWebApplication {
    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleWebApplication.class, args);
    }
}
