package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A Boot application that uses Boot's dependency management gets the Lettuce Boot manages, whatever version
 * waotp-verify-redis was built with; so that is the version verify-redis is compiled and tested on, and the one
 * these tests run on. The build passes the path of the spring-boot-dependencies pom it imported.
 */
class LettuceVersionTest {
    private static final Pattern MANAGED = Pattern.compile("<lettuce\\.version>([^<]+)</lettuce\\.version>");

    @Test
    void theLettuceHereIsTheOneSpringBootManages() throws IOException {
        Path bom = Path.of(System.getProperty("spring-boot-dependencies.pom"));
        Matcher managed = MANAGED.matcher(Files.readString(bom));
        assertThat(managed.find()).as("%s manages lettuce.version", bom).isTrue();

        assertThat(lettuceOnTheClassPath()).as("the Lettuce of the parent pom's lettuce.version")
                .isEqualTo(managed.group(1));
    }

    private static String lettuceOnTheClassPath() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RedisClient.class.getResourceAsStream(
                "/META-INF/maven/io.lettuce/lettuce-core/pom.properties")) {
            assertThat(in).as("lettuce-core's pom.properties").isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
