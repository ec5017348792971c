package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Boot 4 is on Jackson 3, and a Boot application using Boot's dependency management gets the version Boot
 * manages; so that is the version waotp is built and tested on (the parent's jackson.version), and waotp
 * brings no Jackson 2 beside it. consumer-test's boot-jar checks the same in a packaged application.
 */
class JacksonVersionTest {
    private static final Pattern MANAGED = Pattern.compile("<jackson-bom\\.version>([^<]+)</jackson-bom\\.version>");

    @Test
    void theJacksonHereIsTheOneSpringBootManages() throws IOException {
        Path bom = Path.of(System.getProperty("spring-boot-dependencies.pom"));
        Matcher managed = MANAGED.matcher(Files.readString(bom));
        assertThat(managed.find()).as("%s manages jackson-bom.version", bom).isTrue();

        assertThat(System.getProperty("parent.jackson.version")).as("the parent pom's jackson.version")
                .isEqualTo(managed.group(1));
        assertThat(databindOnTheClassPath()).as("the tools.jackson.core:jackson-databind on the class path")
                .isEqualTo(managed.group(1));
    }

    /** Jackson 3 keeps only jackson-annotations (com.fasterxml.jackson.annotation) from Jackson 2. */
    @Test
    void noJackson2CoreOrDatabindIsOnTheClassPath() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("com/fasterxml/jackson/databind/ObjectMapper.class")).isNull();
        assertThat(loader.getResource("com/fasterxml/jackson/core/JsonFactory.class")).isNull();
        assertThat(loader.getResource("com/fasterxml/jackson/annotation/JsonProperty.class")).isNotNull();
    }

    private static String databindOnTheClassPath() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ObjectMapper.class.getResourceAsStream(
                "/META-INF/maven/tools.jackson.core/jackson-databind/pom.properties")) {
            assertThat(in).as("jackson-databind's pom.properties").isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
