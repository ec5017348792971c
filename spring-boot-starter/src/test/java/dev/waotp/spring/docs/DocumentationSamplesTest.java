package dev.waotp.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the listed documents compiles, with the waotp processor, together with the other
 * blocks of its document, and every block that is a test class ({@code ...Test}) passes, as a reader would copy
 * them. A block after {@code <!-- not compiled: reason -->} is shown only.
 */
class DocumentationSamplesTest {
    /**
     * The documents held to it, as globs from the repository's root. Add {@code "README.md"} and
     * {@code "docs/**.md"} (every document under docs/) once their samples are whole compilation units.
     */
    static final List<String> DOCUMENTS = List.of("docs/guides/*.md");

    @TestFactory
    Stream<DynamicTest> everySampleCompilesAndItsTestsPass(@TempDir Path work) throws IOException {
        Path root = repositoryRoot();
        List<Path> documents = documents(root, DOCUMENTS);
        assertThat(documents).as("documents matching %s under %s", DOCUMENTS, root).isNotEmpty();
        return documents.stream().map(document -> {
            String name = root.relativize(document).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, () -> SamplePrograms.check(MarkdownJavaBlocks.read(document, name),
                    Files.createDirectories(work.resolve(name.replace('/', '_')))));
        });
    }

    /** The module's directory is where surefire runs, one below the repository's root. */
    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = module.getParent();
        assertThat(root.resolve("pom.xml")).as("the repository's root, above %s", module).exists();
        return root;
    }

    /** The files under {@code root} that match a glob, leaving out build output and Git's own files. */
    static List<Path> documents(Path root, List<String> globs) throws IOException {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> documents = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                String name = directory.getFileName().toString();
                return !directory.equals(root) && (name.equals("target") || name.startsWith("."))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (matchers.stream().anyMatch(matcher -> matcher.matches(root.relativize(file)))) {
                    documents.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        documents.sort(null);
        return documents;
    }
}
