package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.assertOnlyError;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about the annotated type and the {@code @AuthTemplate} values, each on its own line. */
class TemplateErrorsTest {

    /** An otherwise valid template interface with {@code annotation} on it. */
    private static JavaFileObject template(String annotation) {
        return Compilations.template("LoginCode", annotation, Compilations.SEND);
    }

    @Test
    void templateNameWithInvalidCharacters() {
        JavaFileObject source = template("@AuthTemplate(\n    name = \"Auth-1\",\n    lang = \"en_US\")");

        Compilation compilation = compile(source);

        assertOnlyError(compilation, "template name \"Auth-1\" is not a valid WhatsApp template name:"
                + " use lowercase letters, digits and underscores",
                source, "name = \"Auth-1\"");
    }

    @Test
    void emptyTemplateName() {
        JavaFileObject source = template("@AuthTemplate(\n    name = \"\",\n    lang = \"en_US\")");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("template name is empty: give the name of the approved WhatsApp"
                        + " template, e.g. name = \"auth1\"")
                .inFile(source).onLineContaining("name = \"\"");
    }

    @Test
    void languageCodeNotSupportedSuggestsTheNearest() {
        JavaFileObject source = template("@AuthTemplate(\n    name = \"auth1\",\n    lang = \"en_us\")");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(
                        "language code \"en_us\" is not a WhatsApp language; did you mean \"en_US\"?")
                .inFile(source).onLineContaining("lang = \"en_us\"");
    }

    @Test
    void languageCodeWithAHyphenOrATypo() {
        JavaFileObject hyphen = template("@AuthTemplate(name = \"auth1\", lang = \"pt-br\")");
        JavaFileObject typo = template("@AuthTemplate(name = \"auth1\", lang = \"enn\")");

        assertThat(compile(hyphen)).hadErrorContaining(
                "language code \"pt-br\" is not a WhatsApp language; did you mean \"pt_BR\"?");
        assertThat(compile(typo)).hadErrorContaining(
                "language code \"enn\" is not a WhatsApp language; did you mean \"en\"?");
    }

    @Test
    void emptyLanguageCode() {
        JavaFileObject source = template("@AuthTemplate(\n    name = \"auth1\",\n    lang = \"\")");

        assertThat(compile(source)).hadErrorContaining("language code is empty: give the template's WhatsApp"
                        + " language code, e.g. lang = \"en_US\"")
                .inFile(source).onLineContaining("lang = \"\"");
    }

    @Test
    void buttonIndexOutOfRange() {
        JavaFileObject tooHigh = template("@AuthTemplate(name = \"auth1\", lang = \"en_US\",\n    buttonIndex = 10)");
        JavaFileObject negative = template("@AuthTemplate(name = \"auth1\", lang = \"en_US\",\n    buttonIndex = -1)");

        assertThat(compile(tooHigh)).hadErrorContaining("buttonIndex 10 is out of range: give the position of the"
                        + " template's one-time-password button, 0 to 9")
                .inFile(tooHigh).onLineContaining("buttonIndex = 10");
        assertThat(compile(negative)).hadErrorContaining("buttonIndex -1 is out of range")
                .inFile(negative).onLineContaining("buttonIndex = -1");
    }

    @Test
    void notAnInterface() {
        JavaFileObject source = source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public abstract class LoginCode {",
                "}");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("@AuthTemplate must be on an interface, but LoginCode is a class:"
                        + " declare it as an interface whose methods send the template")
                .inFile(source).onLineContaining("@AuthTemplate");
    }

    @Test
    void genericInterface() {
        JavaFileObject source = source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public interface LoginCode<T> {",
                "    SendResult send(@To String phone, @Otp String code);",
                "}");

        assertThat(compile(source)).hadErrorContaining("@AuthTemplate interface LoginCode must not be generic:"
                        + " remove the type parameters <T>")
                .inFile(source).onLineContaining("@AuthTemplate");
    }

    @Test
    void privateNestedInterface() {
        JavaFileObject source = source("com.acme.Outer",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "public class Outer {",
                "    @AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "    private interface LoginCode {",
                "        SendResult send(@To String phone, @Otp String code);",
                "    }",
                "}");

        assertThat(compile(source)).hadErrorContaining("@AuthTemplate interface LoginCode cannot be implemented by"
                        + " generated code because LoginCode is private: make it package-private or public")
                .inFile(source).onLineContaining("@AuthTemplate");
    }

    @Test
    void sealedInterface() {
        JavaFileObject source = source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "public sealed interface LoginCode permits LoginCode.Only {",
                "    SendResult send(@To String phone, @Otp String code);",
                "",
                "    non-sealed interface Only extends LoginCode {}",
                "}");

        Compilation compilation = compile(source);

        // One error: nothing was generated that does not compile.
        assertOnlyError(compilation, "@AuthTemplate interface LoginCode must not be sealed: the"
                + " generated LoginCodeImpl implements it, and a sealed interface admits only the types it"
                + " permits; remove sealed and the permits clause",
                source, "public sealed interface LoginCode");
    }

    @Test
    void aTypeWithTheGeneratedNameAlreadyExists() {
        JavaFileObject template = Compilations.LOGIN_CODE;
        JavaFileObject handWritten = source("com.acme.LoginCodeImpl",
                "package com.acme;",
                "",
                "public class LoginCodeImpl {}");

        Compilation compilation = compile(template, handWritten);

        assertOnlyError(compilation, "the sender of @AuthTemplate interface LoginCode is generated as"
                + " com.acme.LoginCodeImpl, but com.acme.LoginCodeImpl already exists: rename or remove that"
                + " type, or rename the interface",
                template, "@AuthTemplate");
    }

    @Test
    void twoTemplatesWhoseSendersWouldHaveTheSameName() {
        JavaFileObject outer = source("com.acme.Outer",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "public interface Outer {",
                "    @AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "    interface Inner {",
                "        SendResult send(@To String phone, @Otp String code);",
                "    }",
                "}");
        JavaFileObject underscored = Compilations.template("Outer_Inner",
                "@AuthTemplate(name = \"auth2\", lang = \"en_US\")", Compilations.SEND);

        Compilation compilation = compile(outer, underscored);

        assertOnlyError(compilation, "the sender of @AuthTemplate interface Outer_Inner is generated as"
                + " com.acme.Outer_InnerImpl, which is already the generated sender of com.acme.Outer.Inner:"
                + " rename or remove that type, or rename the interface",
                underscored, "@AuthTemplate");
    }

    @Test
    void reportsEveryErrorOfACompilationAtOnce() {
        JavaFileObject first = template("@AuthTemplate(\n    name = \"Auth-1\",\n    lang = \"en_us\",\n"
                + "    buttonIndex = 12)");
        JavaFileObject second = source("com.acme.Other",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "@AuthTemplate(name = \"other\", lang = \"en\")",
                "public interface Other {",
                "    SendResult send(@Otp String code);",
                "    int count(@To String phone, @Otp String code, String extra);",
                "}");

        Compilation compilation = compile(first, second);

        assertThat(compilation).hadErrorCount(6);
        assertThat(compilation).hadErrorContaining("template name \"Auth-1\"").inFile(first).onLine(6);
        assertThat(compilation).hadErrorContaining("language code \"en_us\"").inFile(first).onLine(7);
        assertThat(compilation).hadErrorContaining("buttonIndex 12").inFile(first).onLine(8);
        assertThat(compilation).hadErrorContaining("method send has no @To parameter").inFile(second).onLine(7);
        assertThat(compilation).hadErrorContaining("method count returns int").inFile(second).onLine(8);
        assertThat(compilation).hadErrorContaining("parameter extra of method count has no waotp annotation")
                .inFile(second).onLine(8);
    }
}
