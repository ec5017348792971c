package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types the user declares with the names the generated code uses: the generated code must still mean
 * the runtime's and the JDK's types. {@link SendThroughGeneratedSenderTest} sends through such a sender.
 */
class NameClashesTest {
    /** Every simple name a generated sender refers to, each declared as a type nested in {@code Base}. */
    static final JavaFileObject BASE_WITH_CLASHING_TYPES = source("com.acme.Base",
            "package com.acme;",
            "",
            "public interface Base {",
            "    class Override {}",
            "    interface AuthMessage {}",
            "    enum TemplateSpec { OF }",
            "    record KaleyraClient() {}",
            "    class SendResult {}",
            "    class WaSource {}",
            "    @interface Inject {}",
            "    @interface Named {}",
            "    @interface Generated { java.lang.String value(); }",
            "    class Objects {}",
            "    class CompletableFuture {}",
            "    class List {}",
            "    class Collection {}",
            "    class String {}",
            "    class CharSequence {}",
            "    class LoginCodeImpl {}",
            "}");

    /**
     * Sends with every parameter type the processor accepts; a parameter named like the constant the
     * generated class keeps its template in, and one like its client field.
     */
    static final JavaFileObject LOGIN_CODE_EXTENDING_BASE = source("com.acme.LoginCode",
            "package com.acme;",
            "",
            "import dev.waotp.AuthTemplate;",
            "import dev.waotp.Otp;",
            "import dev.waotp.Ref;",
            "import dev.waotp.To;",
            "",
            "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
            "public interface LoginCode extends Base {",
            "    dev.waotp.SendResult send(@To java.lang.String phone, @Otp java.lang.CharSequence code,",
            "            @Ref java.lang.String TEMPLATE);",
            "",
            "    java.util.concurrent.CompletableFuture<dev.waotp.SendResult> sendAsync(",
            "            @To java.util.List<java.lang.String> phones, @Otp java.lang.String client);",
            "",
            "    void sendToAll(@To java.util.Collection<java.lang.String> phones, @Otp java.lang.String code);",
            "",
            "    void sendToEach(@Otp java.lang.String code, @To java.lang.String... phones);",
            "}");

    @Test
    void typesNestedInASuperInterfaceDoNotHideTheTypesTheGeneratedCodeUses() {
        Compilation compilation = Compilations.compiler().withOptions("-Awaotp.named=true")
                .compile(BASE_WITH_CLASHING_TYPES, LOGIN_CODE_EXTENDING_BASE);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("@java.lang.Override");
    }

    @Test
    void typesNestedInTheTemplateItselfDoNotHideThem() {
        JavaFileObject template = Compilations.template("LoginCode", Compilations.AUTH1,
                "dev.waotp.SendResult send(@To java.lang.String phone, @Otp java.lang.String code);",
                "class Override {}",
                "class SendResult {}",
                "class String {}",
                "class Inject {}",
                "class Objects {}");

        Compilation compilation = compile(template);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public dev.waotp.SendResult send(java.lang.String phone, java.lang.String code) {");
    }

    @Test
    void typesNestedInACompiledSuperInterfaceDoNotHideThem(@TempDir Path classes) throws IOException {
        Compilation library = compile(BASE_WITH_CLASHING_TYPES);
        assertThat(library).succeeded();
        Compilations.writeClasses(library, classes);

        Compilation compilation = Compilations.compiler()
                .withClasspath(List.of(classes.toFile(), Compilations.locationOf("dev.waotp.KaleyraClient"),
                        Compilations.locationOf("jakarta.inject.Inject")))
                .compile(LOGIN_CODE_EXTENDING_BASE);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void typesOfThePackageNamedLikeJavaLangTypesDoNotTakeTheirPlace() {
        Compilation compilation = compile(
                source("com.acme.Override", "package com.acme;", "", "public class Override {}"),
                source("com.acme.CharSequence", "package com.acme;", "", "public class CharSequence {}"),
                Compilations.template("LoginCode", Compilations.AUTH1,
                        "SendResult send(@To String phone, @Otp java.lang.CharSequence code);"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("import java.lang.Override;");
    }
}
