package example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waotp.verify.Verifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Dev mode as spring-boot:test-run starts it (TestShopApplication's way), without KALEYRA_API_KEY or
 * WAOTP_VERIFY_SECRET: a code to a refused number goes by SMS, and the messages page shows it.
 */
class DevModeTest {
    @Test
    void devModeRunsFromTheTestClassPathAndListsTheSmsCode() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.from(ShopApplication::main)
                .withAdditionalProfiles("dev").run("--server.port=0").getApplicationContext()) {
            context.getBean(Verifier.class).start("+919000000003", "dev-test");

            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/waotp/dev/messages")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("\"channel\":\"sms\"") && page.body().contains("+919000000003"),
                    page.body());
        }
    }
}
