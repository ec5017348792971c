package example.shop;

import org.springframework.boot.SpringApplication;

/** Dev mode, on the test class path: mvn spring-boot:test-run. */
public class TestShopApplication {
    public static void main(String[] args) {
        SpringApplication.from(ShopApplication::main).withAdditionalProfiles("dev").run(args);
    }
}
