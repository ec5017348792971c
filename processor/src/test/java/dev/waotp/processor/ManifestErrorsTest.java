package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.assertOnlyError;
import static dev.waotp.processor.Manifests.ACCOUNT;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Awaotp.templates}: each template checked against the account's, each fact on its value. */
class ManifestErrorsTest {
    private static final String SEND_IN = "SendResult send(@To String phone, @Otp String code, @Lang String lang);";

    /** {@code name} and {@code lang} on lines 6 and 7, anything else on line 8. */
    private static JavaFileObject template(String name, String lang, String more, String send) {
        return Compilations.template("LoginCode", "@AuthTemplate(\n    name = \"" + name + "\",\n    lang = " + lang
                + more + ")", send);
    }

    private static JavaFileObject template(String name, String lang) {
        return template(name, "\"" + lang + "\"", "", Compilations.SEND);
    }

    @Test
    void aNameNotInTheAccountSuggestsTheNearest() {
        JavaFileObject source = template("login_cod", "en_US");

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"login_cod\" is not in the account's"
                        + " templates in " + ACCOUNT + "; did you mean \"login_code\", ",
                source, "name = \"login_cod\"");
    }

    @Test
    void aDeclaredLanguageWithNoVersionListsTheApprovedOnes() {
        JavaFileObject source = template("login_code", "{\"en_US\",\n        \"fr\"}", "", SEND_IN);

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"login_code\" has no fr version in the"
                        + " account's templates in " + ACCOUNT + "; it is APPROVED in en_GB, en_US, hi, ta",
                source, "\"fr\"}");
    }

    @Test
    void aTemplateOfAnotherCategory() {
        JavaFileObject source = template("spring_sale", "en_US");

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"spring_sale\" in en_US is of category"
                        + " MARKETING in " + ACCOUNT + ": @AuthTemplate sends AUTHENTICATION templates only",
                source, "lang = \"en_US\"");
    }

    @Test
    void aRejectedTemplate() {
        JavaFileObject source = template("old_code", "en_US");

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"old_code\" in en_US is REJECTED in "
                        + ACCOUNT + ": WhatsApp does not send it; use an APPROVED template, or fetch the manifest"
                        + " again once it is",
                source, "lang = \"en_US\"");
    }

    @Test
    void aPausedTemplate() {
        JavaFileObject source = template("paused_code", "en_US");

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"paused_code\" in en_US is PAUSED in "
                + ACCOUNT + ": WhatsApp does not send it", source, "lang = \"en_US\"");
    }

    @Test
    void aPendingTemplateIsAWarningAndTheSenderIsGenerated() {
        JavaFileObject source = template("login_code_pending", "en_US");

        Compilation compilation = Manifests.compile(ACCOUNT, source);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("template \"login_code_pending\" in en_US is PENDING in "
                        + ACCOUNT + ", not APPROVED: sends fail until WhatsApp approves it")
                .inFile(source).onLineContaining("lang = \"en_US\"");
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl");
    }

    @Test
    void theButtonAtTheDefaultIndexIsNotTheOtpButton() {
        JavaFileObject source = template("signup_code", "en_US");

        // A defaulted value has no position of its own: the error is on the annotation.
        assertOnlyError(Manifests.compile(ACCOUNT, source), "button 0 of template \"signup_code\" in en_US is a"
                        + " QUICK_REPLY button in " + ACCOUNT + ", not the one-time-password button (OTP, or URL for"
                        + " copy code): its one-time-password button is button 1; set buttonIndex = 1",
                source, "@AuthTemplate(");
    }

    @Test
    void aButtonIndexPastTheTemplatesButtons() {
        JavaFileObject source = template("signup_code", "\"pt_BR\"", ",\n    buttonIndex = 3", Compilations.SEND);

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"signup_code\" in pt_BR has 2 buttons in "
                        + ACCOUNT + ", so there is no button 3: its one-time-password button is button 1;"
                        + " set buttonIndex = 1",
                source, "buttonIndex = 3");
    }

    @Test
    void aTemplateWithNoOtpButton() {
        JavaFileObject source = template("quiet_code", "en_US");

        assertOnlyError(Manifests.compile(ACCOUNT, source), "template \"quiet_code\" in en_US has 0 buttons in "
                        + ACCOUNT + ", so there is no button 0: it has no one-time-password button (OTP, or URL for"
                        + " copy code)",
                source, "@AuthTemplate(");
    }

    @Test
    void aMissingManifestIsOneErrorNamingTheFile(@TempDir Path directory) {
        Path missing = directory.resolve("templates.json");

        Compilation compilation = Manifests.compile(missing, template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the template manifest " + missing + " (-Awaotp.templates) is"
                + " not usable: cannot be read: java.nio.file.NoSuchFileException");
    }

    /** Opened, then unreadable: Jackson 3 wraps the stream's IOException in its own unchecked exception. */
    @Test
    void aManifestThatCannotBeReadIsNotCalledInvalidJson(@TempDir Path directory) {
        Compilation compilation = Manifests.compile(directory, template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the template manifest " + directory + " (-Awaotp.templates) is"
                + " not usable: cannot be read: java.io.IOException: Is a directory");
    }

    @Test
    void aManifestThatIsNotJsonIsOneErrorWithTheLine(@TempDir Path directory) throws Exception {
        Path broken = Files.writeString(directory.resolve("templates.json"), "{\"data\": [\n  {\"name\": }\n");

        Compilation compilation = Manifests.compile(broken, template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the template manifest " + broken + " (-Awaotp.templates) is"
                + " not usable: not valid JSON at line 2, column ");
    }

    @Test
    void aManifestMissingAFieldTheCheckNeedsNamesIt(@TempDir Path directory) throws Exception {
        Path partial = Files.writeString(directory.resolve("templates.json"),
                "{\"data\": [{\"name\": \"login_code\", \"language\": \"en_US\", \"status\": \"APPROVED\"}]}");

        Compilation compilation = Manifests.compile(partial, template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the template manifest " + partial + " (-Awaotp.templates) is"
                + " not usable: data[0] has no category: fetch it again with mvn waotp:templates, or fix the option");
    }

    @Test
    void aManifestWithoutData(@TempDir Path directory) throws Exception {
        Path empty = Files.writeString(directory.resolve("templates.json"), "{\"paging\": {}}");

        assertThat(Manifests.compile(empty, template("login_code", "en_US")))
                .hadErrorContaining("is not usable: the file has no data array");
    }

    @Test
    void anEmptyManifest(@TempDir Path directory) throws Exception {
        Path empty = Files.writeString(directory.resolve("templates.json"), "");

        Compilation compilation = Manifests.compile(empty, template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the template manifest " + empty + " (-Awaotp.templates) is"
                + " not usable: it is empty: fetch it again");
    }

    @Test
    void aVersionGivenTwiceInTheManifest(@TempDir Path directory) throws Exception {
        String version = "{\"name\": \"login_code\", \"language\": \"en_US\", \"status\": \"APPROVED\","
                + " \"category\": \"AUTHENTICATION\", \"components\": []}";
        Path twice = Files.writeString(directory.resolve("templates.json"),
                "{\"data\": [" + version + ", " + version + "]}");

        assertThat(Manifests.compile(twice, template("login_code", "en_US"))).hadErrorContaining("is not usable:"
                + " data[1] is a second login_code in en_US: each name and language is one template version");
    }

    @Test
    void theOptionWithoutAValue() {
        Compilation compilation = Compilations.compiler().withOptions("-Awaotp.templates")
                .compile(template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("-Awaotp.templates needs a value: the absolute path of the"
                + " account's template manifest, e.g. -Awaotp.templates=${project.basedir}/src/main/waotp/templates.json");
    }

    @Test
    void aRelativePathIsAnError() {
        Compilation compilation = Compilations.compiler()
                .withOptions("-Awaotp.templates=src/main/waotp/templates.json")
                .compile(template("login_code", "en_US"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("-Awaotp.templates=src/main/waotp/templates.json is not an"
                + " absolute path: javac's working directory need not be the project's, so give the whole path,"
                + " e.g. -Awaotp.templates=${project.basedir}/src/main/waotp/templates.json");
    }
}
