package dev.waotp.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code -Awaotp.extraLanguages}: language codes Meta added after this release. */
class ExtraLanguagesOptionTest {
    private static JavaFileObject template(String className, String lang) {
        return Compilations.template(className, "@AuthTemplate(\n    name = \"auth1\",\n    lang = \"" + lang + "\")",
                Compilations.SEND);
    }

    private static Compilation compile(String option, JavaFileObject... sources) {
        return Compilations.compiler().withOptions(option).compile(sources);
    }

    @Test
    void aWellFormedCodeMissingFromTheListSaysHowToAllowIt() {
        JavaFileObject source = template("LoginCode", "ha_NG");

        Compilation compilation = Compilations.compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("language code \"ha_NG\" is not a WhatsApp language; did you mean")
                .inFile(source).onLineContaining("lang = \"ha_NG\"");
        assertThat(compilation).hadErrorContaining("? If Meta has added it since, allow it with"
                        + " -Awaotp.extraLanguages=ha_NG")
                .inFile(source).onLineContaining("lang = \"ha_NG\"");
    }

    @Test
    void aMalformedCodeGetsNoHintToAllowIt() {
        JavaFileObject source = template("LoginCode", "en_us");

        Compilation compilation = Compilations.compile(source);

        // en_us could never be allowed: the whole message is the suggestion.
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation.errors().get(0).getMessage(Locale.ROOT))
                .isEqualTo("language code \"en_us\" is not a WhatsApp language; did you mean \"en_US\"?");
        assertThat(compilation.errors().get(0).getLineNumber()).isEqualTo(7);
    }

    @Test
    void theOptionAllowsItsCodesBesideTheList() {
        Compilation compilation = compile("-Awaotp.extraLanguages=ha_NG, yue",
                template("LoginCode", "ha_NG"), template("Other", "yue"), template("Usual", "en_US"));

        // Without warnings also says the option is declared: javac warns of options no processor knows.
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String()
                .contains("TemplateSpec.of(\"auth1\", \"ha_NG\", 0, WaSource.API)");
        assertThat(compilation).generatedSourceFile("com.acme.OtherImpl").contentsAsUtf8String()
                .contains("TemplateSpec.of(\"auth1\", \"yue\", 0, WaSource.API)");
    }

    @Test
    void theSuggestionConsidersTheExtraCodes() {
        JavaFileObject source = template("LoginCode", "ha_ng");

        Compilation compilation = compile("-Awaotp.extraLanguages=ha_NG", source);

        Compilations.assertOnlyError(compilation,
                "language code \"ha_ng\" is not a WhatsApp language; did you mean \"ha_NG\"?",
                source, "lang = \"ha_ng\"");
    }

    @Test
    void eachMalformedCodeInTheOptionIsAnErrorAndTheOthersStillCount() {
        Compilation compilation = compile("-Awaotp.extraLanguages=ha-NG,ha_NG,", template("LoginCode", "ha_NG"));

        // An option belongs to no element, so its errors have no file or line.
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("-Awaotp.extraLanguages=ha-NG,ha_NG,: \"ha-NG\" is not a"
                + " language code: write 2 or 3 lowercase letters, optionally _ and 2 to 4 uppercase letters,"
                + " e.g. xx or xx_YY, and separate codes with commas");
        assertThat(compilation).hadErrorContaining("-Awaotp.extraLanguages=ha-NG,ha_NG,: \"\" is not a language code");
    }

    @Test
    void theOptionWithoutAValueIsAnError() {
        Compilation compilation = compile("-Awaotp.extraLanguages", Compilations.LOGIN_CODE);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("-Awaotp.extraLanguages needs a value: the language codes to"
                + " allow, separated by commas, e.g. -Awaotp.extraLanguages=xx_YY,zz");
    }
}
