package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Kaleyra page as text, so that tests check facts of the page itself rather than a second copy of
 * our constants. A verbatim copy is kept in the test resources for clones without the page beside the
 * repository; {@link #besideTheRepository()} finds the original, which a test compares to the copy.
 */
final class SpecPage {
    static final String FILE = "kaleyra-send-authentication-template.txt";

    private SpecPage() {}

    static String text() throws IOException {
        try (InputStream in = SpecPage.class.getResourceAsStream("/spec/" + FILE)) {
            assertThat(in).as("test resource spec/" + FILE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines() throws IOException {
        return text().lines().toList();
    }

    /** {@code ../shared/spec/} beside the checkout, looked for from the module folder upwards. */
    static Optional<Path> besideTheRepository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path page = dir.resolve("shared").resolve("spec").resolve(FILE);
            if (Files.isRegularFile(page)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }
}
