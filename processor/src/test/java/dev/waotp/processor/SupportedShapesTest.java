package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.locationOf;
import static dev.waotp.processor.Compilations.source;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interface shapes the processor accepts, and what it generates for them. */
class SupportedShapesTest {
    @Test
    void waitsForASuperInterfaceThatAnotherProcessorGenerates() {
        Compilation compilation = javac()
                .withProcessors(new AuthTemplateProcessor(), new GeneratesBaseInterface())
                .compile(source("com.acme.LoginCode",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                        "public interface LoginCode extends GeneratedBase {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public SendResult send(String phone, String code)");
    }

    /** Stands for any processor that writes an interface a template extends, in the first round. */
    @SupportedAnnotationTypes("*")
    static final class GeneratesBaseInterface extends AbstractProcessor {
        private boolean done;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("com.acme.GeneratedBase").openWriter()) {
                    writer.write("package com.acme;\n\nimport dev.waotp.*;\n\npublic interface GeneratedBase {\n"
                            + "    SendResult send(@To String phone, @Otp String code);\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void theClassFileOfAnEarlierBuildIsReplacedNotReportedAsAClash(@TempDir Path earlierBuild) throws IOException {
        Compilation earlier = compile(Compilations.LOGIN_CODE);
        assertThat(earlier).succeeded();
        Compilations.writeClasses(earlier, earlierBuild);

        Compilation compilation = Compilations.compiler()
                .withClasspath(List.of(earlierBuild.toFile(), locationOf("dev.waotp.KaleyraClient")))
                .compile(Compilations.LOGIN_CODE);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public final class LoginCodeImpl implements LoginCode {");
    }

    @Test
    void aDefaultInOneBranchOfADiamondIsKeptNotOverridden() {
        Compilation compilation = compile(
                source("com.acme.Base",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "public interface Base {",
                        "    SendResult send(@To String phone, @Otp String code);",
                        "}"),
                source("com.acme.Plain", "package com.acme;", "", "public interface Plain extends Base {}"),
                source("com.acme.WithDefault",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "public interface WithDefault extends Base {",
                        "    @Override",
                        "    default SendResult send(String phone, String code) {",
                        "        return sendNow(phone, code);",
                        "    }",
                        "",
                        "    SendResult sendNow(@To String phone, @Otp String code);",
                        "}"),
                source("com.acme.LoginCode",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                        "public interface LoginCode extends Plain, WithDefault {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public SendResult sendNow(String phone, String code)");
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .doesNotContain("public SendResult send(");
    }

    @Test
    void implementsInheritedMethodsWithTypeArgumentsResolved() {
        Compilation compilation = compile(
                source("com.acme.Base",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "public interface Base<R> {",
                        "    SendResult send(@To R phone, @Otp String code);",
                        "",
                        "    SendResult sendBoth(@To java.util.Collection<R> phones, @Otp String code);",
                        "}"),
                source("com.acme.LoginCode",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "@AuthTemplate(name = \"auth1\", lang = \"en\")",
                        "public interface LoginCode extends Base<String> {",
                        "    @Override",
                        "    default SendResult sendBoth(java.util.Collection<String> phones, String code) {",
                        "        throw new UnsupportedOperationException();",
                        "    }",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public SendResult send(String phone, String code) {");
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .doesNotContain("sendBoth");
    }

    @Test
    void leavesDefaultStaticAndObjectMethodsAlone() {
        Compilation compilation = compile(source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode {",
                "    SendResult send(@To String phone, @Otp String code);",
                "",
                "    default SendResult sendDefault(String phone) {",
                "        return send(phone, \"0000\");",
                "    }",
                "",
                "    static String describe() {",
                "        return \"login\";",
                "    }",
                "",
                "    @Override",
                "    String toString();",
                "",
                "    boolean equals(Object other);",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .doesNotContainMatch("sendDefault|describe|toString|equals");
    }

    @Test
    void parametersNamedLikeTheFieldsDoNotShadowThem() {
        Compilation compilation = compile(source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode {",
                "    SendResult send(@To String client, @Otp String TEMPLATE);",
                "",
                "    SendResult sendWithRef(@To String phone, @Otp String code, @Ref String TEMPLATE_);",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String().contains(
                "private static final TemplateSpec TEMPLATE__ =");
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String().contains(
                "return this.client.send(AuthMessage.builder(TEMPLATE__).to(client).otp(TEMPLATE).build());");
    }

    @Test
    void injectsWithJakartaWhenBothAreOnTheClasspath() {
        Compilation compilation = compile(Compilations.LOGIN_CODE);

        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("import jakarta.inject.Inject;");
    }

    @Test
    void injectsWithJavaxWhenOnlyItIsOnTheClasspath() {
        Compilation compilation = compileWithClasspath(locationOf("javax.inject.Inject"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("import javax.inject.Inject;");
    }

    @Test
    void noInjectWhenNeitherIsOnTheClasspath() {
        Compilation compilation = compileWithClasspath();

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .doesNotContain("Inject");
    }

    private static Compilation compileWithClasspath(File... extra) {
        List<File> classpath = new ArrayList<>(List.of(extra));
        classpath.add(locationOf("dev.waotp.KaleyraClient"));
        return Compilations.compiler().withClasspath(classpath).compile(Compilations.LOGIN_CODE);
    }
}
