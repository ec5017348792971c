package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Templates the account can send, in several languages, checked against its manifest without a word. */
class ManifestCorpusTest {

    @Test
    void validTemplatesCompileWithoutWarnings() {
        Compilation compilation = Manifests.compile(Manifests.ACCOUNT,
                source("com.acme.LoginCode",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "import java.util.Locale;",
                        "import java.util.concurrent.CompletableFuture;",
                        "",
                        "@AuthTemplate(name = \"login_code\", lang = {\"en_US\", \"en_GB\", \"hi\", \"ta\"})",
                        "public interface LoginCode {",
                        "    SendResult send(@To String phone, @Otp String code, @Lang String lang);",
                        "",
                        "    CompletableFuture<SendResult> sendAsync(@Lang Locale locale, @To String phone,",
                        "            @Otp CharSequence code);",
                        "}"),
                // Its one-time-password button is the second: stored as OTP in en_US, as URL in pt_BR.
                source("com.acme.SignupCode",
                        "package com.acme;",
                        "",
                        "import dev.waotp.*;",
                        "",
                        "@AuthTemplate(name = \"signup_code\", lang = {\"pt_BR\", \"en_US\"}, buttonIndex = 1)",
                        "public interface SignupCode {",
                        "    void send(@To String phone, @Otp String code, @Lang java.util.Locale locale);",
                        "}"),
                Compilations.template("Single", "@AuthTemplate(name = \"login_code\", lang = \"ta\")",
                        Compilations.SEND));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl");
        assertThat(compilation).generatedSourceFile("com.acme.SignupCodeImpl");
        assertThat(compilation).generatedSourceFile("com.acme.SingleImpl");
    }

    @Test
    void withoutTheOptionNothingIsLookedUp() {
        Compilation compilation = Compilations.compile(Compilations.template("LoginCode",
                "@AuthTemplate(name = \"not_in_any_account\", lang = \"en_US\")", Compilations.SEND));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
