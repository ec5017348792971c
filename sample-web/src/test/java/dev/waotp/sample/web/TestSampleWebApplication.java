package dev.waotp.sample.web;

import org.springframework.boot.SpringApplication;

/**
 * The sample in dev mode, against the embedded Kaleyra stub: {@code mvn -B -q -pl sample-web -am package
 * -DskipTests -Pdev-mode}, then open http://localhost:8080; {@code /waotp/dev/messages} lists the codes. It lives
 * under src/test because dev mode needs waotp-testing, which the packaged jar leaves out.
 */
public final class TestSampleWebApplication {
    private TestSampleWebApplication() {}

    /**
     * Starts the application with the {@code dev} profile ({@code application-dev.properties}).
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.from(SampleWebApplication::main).withAdditionalProfiles("dev").run(args);
    }
}
