package dev.waotp.sample.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample. With a Kaleyra account in the environment: {@code java -jar sample-web/target/waotp-sample-web.jar}.
 * Without one, in dev mode ({@code TestSampleWebApplication} under src/test): {@code mvn -B -q -pl sample-web -am
 * package -DskipTests -Pdev-mode}, then open http://localhost:8080; codes go to the embedded Kaleyra stub and
 * {@code /waotp/dev/messages} lists them.
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
