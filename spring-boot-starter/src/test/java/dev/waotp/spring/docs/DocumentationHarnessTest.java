package dev.waotp.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness of {@link DocumentationSamplesTest} fails where a reader would, and points at the document's line. */
class DocumentationHarnessTest {
    @TempDir
    Path directory;

    @Test
    void aCompileErrorNamesTheDocumentAndItsLine() throws IOException {
        assertThatThrownBy(() -> check("""
                # Broken

                ```java
                package docsample;

                class Broken {
                    void send() {
                        undefinedMethod();
                    }
                }
                ```
                """)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("guide.md:8: cannot find symbol");
    }

    @Test
    void aFailingTestNamesTheDocumentTheBlockAndTheAssertion() throws IOException {
        assertThatThrownBy(() -> check("""
                Intro.

                ```java
                package docsample;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;

                class ArithmeticTest {
                    @Test
                    void addsUp() {
                        assertEquals(5, 2 + 2);
                    }
                }
                ```
                """)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("guide.md:4: docsample.ArithmeticTest addsUp() failed:")
                .hasMessageContaining("expected: <5> but was: <4>");
    }

    @Test
    void blocksOfOneDocumentCompileTogetherWithTheProcessorAndTheTestsRun() throws IOException {
        assertThatNoException().isThrownBy(() -> check("""
                ```java
                package docsample;

                import dev.waotp.AuthTemplate;
                import dev.waotp.Otp;
                import dev.waotp.SendResult;
                import dev.waotp.To;

                @AuthTemplate(name = "auth1", lang = "en_US")
                public interface LoginCode {
                    SendResult send(@To String phone, @Otp String code);
                }
                ```

                ```java
                package docsample;

                import static org.junit.jupiter.api.Assertions.assertTrue;

                import org.junit.jupiter.api.Test;

                class GeneratedTest {
                    @Test
                    void theProcessorRan() throws Exception {
                        assertTrue(LoginCode.class.isAssignableFrom(Class.forName("docsample.LoginCodeImpl")));
                    }
                }
                ```
                """));
    }

    @Test
    void aBlockMarkedNotCompiledIsSkippedAndAnExcerptIsRefused() throws IOException {
        assertThatNoException().isThrownBy(() -> check("""
                <!-- not compiled: an excerpt of the generated class -->
                ```java
                    this.client = client;   // not a compilation unit
                ```
                """));
        assertThatThrownBy(() -> check("""
                Some text.

                ```java
                verifier.start("+919876543210", "test");
                ```
                """)).isInstanceOf(AssertionError.class)
                .hasMessage("guide.md:4: the block is not a compilation unit (imports, then a type); put"
                        + " <!-- not compiled: why --> before it if it is an excerpt");
    }

    @Test
    void theDocumentsAreFoundFromTheRepositoryRootByGlob() throws IOException {
        Files.createDirectories(directory.resolve("docs/guides"));
        Files.createDirectories(directory.resolve("target/docs/guides"));
        Files.writeString(directory.resolve("docs/guides/a.md"), "");
        Files.writeString(directory.resolve("docs/top.md"), "");
        Files.writeString(directory.resolve("target/docs/guides/copy.md"), "");

        assertThat(DocumentationSamplesTest.documents(directory, List.of("docs/guides/*.md")))
                .containsExactly(directory.resolve("docs/guides/a.md"));
        assertThat(DocumentationSamplesTest.documents(directory, List.of("docs/**.md")))
                .containsExactly(directory.resolve("docs/guides/a.md"), directory.resolve("docs/top.md"));
    }

    private void check(String markdown) throws IOException {
        Path document = Files.writeString(directory.resolve("guide.md"), markdown);
        Path work = Files.createTempDirectory(directory, "work");
        SamplePrograms.check(MarkdownJavaBlocks.read(document, "guide.md"), work);
    }
}
