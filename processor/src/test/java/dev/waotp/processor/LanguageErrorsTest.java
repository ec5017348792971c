package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.assertOnlyError;
import static dev.waotp.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Several languages per template and {@code @Lang}: each mistake on the element at fault. */
class LanguageErrorsTest {
    private static final String THREE_LANGUAGES = "@AuthTemplate(name = \"auth1\", lang = {\"en_US\", \"hi\", \"ta\"})";

    @Test
    void aMethodOfATemplateWithSeveralLanguagesNeedsALangParameter() {
        JavaFileObject source = Compilations.template("LoginCode", THREE_LANGUAGES,
                "SendResult send(@To String phone, @Otp String code, @Lang String lang);",
                "SendResult sendDefault(@To String phone, @Otp String code);");

        assertOnlyError(compile(source), "method sendDefault has no @Lang parameter, but the template has 3"
                        + " languages (en_US, hi, ta): add a String or java.util.Locale parameter annotated @Lang"
                        + " to choose one per send",
                source, "sendDefault(");
    }

    @Test
    void moreThanOneLangParameter() {
        JavaFileObject source = Compilations.template("LoginCode", THREE_LANGUAGES,
                "SendResult send(@To String phone, @Otp String code, @Lang String lang,",
                "        @Lang java.util.Locale locale);");

        assertOnlyError(compile(source), "method send has more than one @Lang parameter: choose the language with"
                        + " one String or java.util.Locale parameter",
                source, "@Lang java.util.Locale locale");
    }

    @Test
    void langOnAnotherType() {
        JavaFileObject source = Compilations.template("LoginCode", THREE_LANGUAGES,
                "SendResult send(@To String phone, @Otp String code,",
                "        @Lang int language);");

        assertOnlyError(compile(source), "@Lang parameter language of method send is int: declare it String (one"
                        + " of the template's language codes) or java.util.Locale",
                source, "@Lang int language");
    }

    @Test
    void aLanguageGivenTwiceIsReportedOnTheSecond() {
        JavaFileObject source = Compilations.template("LoginCode",
                "@AuthTemplate(name = \"auth1\", lang = {\"en_US\", \"hi\",\n    \"hi\"})",
                "SendResult send(@To String phone, @Otp String code, @Lang String lang);");

        assertOnlyError(compile(source), "language code \"hi\" is given twice in lang: give each language of the"
                + " template once", source, "    \"hi\"})");
    }

    @Test
    void eachUnknownLanguageIsReportedOnItsOwnValue() {
        JavaFileObject source = Compilations.template("LoginCode",
                "@AuthTemplate(name = \"auth1\", lang = {\n    \"hi\",\n    \"en-US\"})",
                "SendResult send(@To String phone, @Otp String code, @Lang String lang);");

        assertOnlyError(compile(source), "language code \"en-US\" is not a WhatsApp language; did you mean"
                + " \"en_US\"?", source, "\"en-US\"");
    }

    @Test
    void noLanguageAtAll() {
        JavaFileObject source = Compilations.template("LoginCode", "@AuthTemplate(name = \"auth1\",\n    lang = {})",
                Compilations.SEND);

        assertOnlyError(compile(source), "lang is empty: give the template's WhatsApp language codes, e.g."
                + " lang = \"en_US\" or lang = {\"en_US\", \"hi\"}", source, "lang = {}");
    }

    @Test
    void aSingleLanguageTemplateMayTakeLangOnSomeMethods() {
        JavaFileObject source = Compilations.template("LoginCode", Compilations.AUTH1,
                "SendResult send(@To String phone, @Otp String code);",
                "SendResult sendIn(@To String phone, @Otp String code, @Lang java.util.Locale locale);");

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aSingleValueAndAnArrayOfOneCompileAlike() throws Exception {
        Compilation single = compile(Compilations.template("LoginCode",
                "@AuthTemplate(name = \"auth1\", lang = \"en_US\")", Compilations.SEND));
        Compilation array = compile(Compilations.template("LoginCode",
                "@AuthTemplate(name = \"auth1\", lang = {\"en_US\"})", Compilations.SEND));

        assertThat(single).succeededWithoutWarnings();
        assertThat(array).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String().isEqualTo(
                single.generatedSourceFile("com.acme.LoginCodeImpl").orElseThrow().getCharContent(true).toString());
    }
}
