package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.locationOf;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -Awaotp.named}: {@code @Named} on the generated class, for containers that scan for it. */
class NamedOptionTest {
    private static Compilation compile(Compiler compiler, String... options) {
        return compiler.withOptions((Object[]) options).compile(Compilations.LOGIN_CODE);
    }

    private static Compilation compile(String... options) {
        return compile(Compilations.compiler(), options);
    }

    @Test
    void trueNamesTheClassWithTheInjectPackagesNamed() {
        Compilation compilation = compile("-Awaotp.named=true");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("import jakarta.inject.Named;");
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("@Generated(\"dev.waotp.processor.AuthTemplateProcessor\")\n"
                        + "@Named\n"
                        + "public final class LoginCodeImpl implements LoginCode {");
    }

    @Test
    void aBareOptionMeansTrueAndCaseDoesNotMatter() {
        for (String option : List.of("-Awaotp.named", "-Awaotp.named=TRUE")) {
            assertThat(compile(option)).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                    .contains("@Named\n");
        }
    }

    @Test
    void withOnlyJavaxInjectItIsJavaxNamed() {
        Compilation compilation = compile(Compilations.compiler().withClasspath(List.of(
                locationOf("javax.inject.Inject"), locationOf("dev.waotp.KaleyraClient"))), "-Awaotp.named=true");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("import javax.inject.Named;");
    }

    @Test
    void falseOrAbsentLeavesItOut() {
        for (Compilation compilation : List.of(compile("-Awaotp.named=false"), compile())) {
            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                    .doesNotContain("Named");
        }
    }

    @Test
    void aValueOtherThanTrueOrFalseIsAnError() {
        Compilation compilation = compile("-Awaotp.named=yes");

        // An option belongs to no element, so the error has no file or line.
        assertThat(compilation).hadErrorContaining("-Awaotp.named=yes is not a boolean: use true or false");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void trueWithoutAnyInjectLibraryIsAnError() {
        Compilation compilation = compile(Compilations.compiler().withClasspath(List.of(
                locationOf("dev.waotp.KaleyraClient"))), "-Awaotp.named=true");

        assertThat(compilation).hadErrorContaining(
                "-Awaotp.named=true needs jakarta.inject (or javax.inject) on the compile classpath for @Named");
        assertThat(compilation).hadErrorCount(1);
    }
}
