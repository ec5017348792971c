package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.assertOnlyError;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors about the methods of a template interface, each on the method or parameter at fault. */
class MethodErrorsTest {

    /** A valid template interface holding {@code method}, one line. */
    private static JavaFileObject template(String method) {
        return source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "import java.io.IOException;",
                "import java.util.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode {",
                "    " + method,
                "}");
    }

    private static void assertError(String method, String message) {
        JavaFileObject source = template(method);
        assertOnlyError(compile(source), message, source, method);
    }

    @Test
    void noOtp() {
        assertError("SendResult send(@To String phone);",
                "method send has no @Otp parameter: add a String or CharSequence parameter annotated @Otp for the"
                        + " one-time password");
    }

    @Test
    void otpTwice() {
        assertError("SendResult send(@To String phone, @Otp String body, @Otp String button);",
                "method send has more than one @Otp parameter: give the one-time password once; the generated"
                        + " code writes it into both the body and the button");
    }

    @Test
    void noTo() {
        assertError("SendResult send(@Otp String code);",
                "method send has no @To parameter: add a String parameter annotated @To for the recipient");
    }

    @Test
    void toTwice() {
        assertError("SendResult send(@To String phone, @To String other, @Otp String code);",
                "method send has more than one @To parameter: use one List<String>, Collection<String> or"
                        + " String... parameter for several recipients");
    }

    @Test
    void parameterWithoutAnnotation() {
        assertError("SendResult send(@To String phone, @Otp String code, String note);",
                "parameter note of method send has no waotp annotation: annotate it @To, @Otp, @Lang, @Ref, @Ref1 or"
                        + " @Ref2, or remove it");
    }

    @Test
    void parameterWithTwoAnnotations() {
        assertError("SendResult send(@To @Otp String phone);",
                "parameter phone of method send is both @To and @Otp: give each parameter one annotation");
    }

    @Test
    void refTwice() {
        assertError("SendResult send(@To String phone, @Otp String code, @Ref String a, @Ref String b);",
                "method send has more than one @Ref parameter: use each of @Ref, @Ref1 and @Ref2 at most once");
    }

    @Test
    void toOfWrongType() {
        assertError("SendResult send(@To long phone, @Otp String code);",
                "@To parameter phone of method send is long: declare it String, or List<String>,"
                        + " Collection<String> or String... for several recipients");
        assertError("SendResult send(@To Set<String> phones, @Otp String code);",
                "@To parameter phones of method send is Set<String>");
        assertError("SendResult send(@To List<Integer> phones, @Otp String code);",
                "@To parameter phones of method send is List<Integer>");
    }

    @Test
    void otpOfWrongType() {
        assertError("SendResult send(@To String phone, @Otp int code);",
                "@Otp parameter code of method send is int: declare it String or CharSequence");
    }

    @Test
    void refOfWrongType() {
        assertError("SendResult send(@To String phone, @Otp String code, @Ref1 Long customer);",
                "@Ref1 parameter customer of method send is Long: declare it String");
    }

    @Test
    void unsupportedReturnType() {
        assertError("String send(@To String phone, @Otp String code);",
                "method send returns String: declare it to return SendResult, CompletableFuture<SendResult> or"
                        + " void");
        assertError("java.util.concurrent.Future<SendResult> send(@To String phone, @Otp String code);",
                "method send returns Future<SendResult>");
    }

    @Test
    void genericMethod() {
        assertError("<T extends CharSequence> SendResult send(@To String phone, @Otp T code);",
                "method send must not be generic: remove its type parameters; a send method takes Strings");
    }

    @Test
    void checkedException() {
        assertError("SendResult send(@To String phone, @Otp String code) throws IOException;",
                "method send must not declare the checked exception IOException: remove it from the throws"
                        + " clause; send failures are thrown as the unchecked dev.waotp.KaleyraException");
    }

    @Test
    void uncheckedExceptionsMayBeDeclared() {
        Compilation compilation = compile(template("SendResult send(@To String phone, @Otp String code)"
                + " throws IllegalStateException, dev.waotp.KaleyraException;"));

        // Succeeding alone would hold if the processor skipped the interface: the sender must be there.
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("public SendResult send(String phone, String code) {");
    }

    @Test
    void inheritedMethodInSourceIsReportedOnTheMethod() {
        JavaFileObject base = source("com.acme.Base",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "public interface Base {",
                "    SendResult send(@To String phone);",
                "}");
        JavaFileObject template = source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode extends Base {}");

        assertOnlyError(compile(base, template), "method send has no @Otp parameter",
                base, "SendResult send(@To String phone);");
    }

    @Test
    void inheritedMethodFromAClassFileIsReportedOnTheInterface(@TempDir Path classes) throws IOException {
        Compilation library = Compilations.compiler().withOptions("-parameters").compile(source("com.lib.Base",
                "package com.lib;",
                "",
                "import dev.waotp.*;",
                "",
                "public interface Base {",
                "    SendResult send(@To String phone, @Otp String code, String note);",
                "}"));
        assertThat(library).succeeded();
        Compilations.writeClasses(library, classes);
        JavaFileObject template = source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode extends com.lib.Base {}");

        Compilation compilation = Compilations.compiler()
                .withClasspath(List.of(classes.toFile(), Compilations.locationOf("dev.waotp.KaleyraClient")))
                .compile(template);

        assertThat(compilation).hadErrorContaining("parameter note of method send has no waotp annotation:"
                        + " annotate it @To, @Otp, @Lang, @Ref, @Ref1 or @Ref2, or remove it"
                        + " (in com.lib.Base, inherited by LoginCode)")
                .inFile(template).onLineContaining("public interface LoginCode");
    }
}
