package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class GeneratedSourceTest {
    private static final JavaFileObject LOGIN_CODE = source("com.acme.LoginCode",
            "package com.acme;",
            "",
            "import dev.waotp.AuthTemplate;",
            "import dev.waotp.Otp;",
            "import dev.waotp.Ref;",
            "import dev.waotp.SendResult;",
            "import dev.waotp.To;",
            "import java.util.concurrent.CompletableFuture;",
            "",
            "@AuthTemplate(name = \"auth1\", lang = \"en_US\")",
            "public interface LoginCode {",
            "    SendResult send(@To String phone, @Otp String code);",
            "",
            "    CompletableFuture<SendResult> sendAsync(@To String phone, @Otp String code, @Ref String customerId);",
            "}");

    @Test
    void generatesTheSenderOfATypicalInterface() throws IOException {
        Compilation compilation = compile(LOGIN_CODE);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String().isEqualTo(
                String.join("\n",
                        "package com.acme;",
                        "",
                        "import dev.waotp.AuthMessage;",
                        "import dev.waotp.KaleyraClient;",
                        "import dev.waotp.SendResult;",
                        "import dev.waotp.TemplateSpec;",
                        "import dev.waotp.WaSource;",
                        "import jakarta.inject.Inject;",
                        "import java.lang.Override;",
                        "import java.lang.String;",
                        "import java.util.Objects;",
                        "import java.util.concurrent.CompletableFuture;",
                        "import javax.annotation.processing.Generated;",
                        "",
                        "@Generated(\"dev.waotp.processor.AuthTemplateProcessor\")",
                        "public final class LoginCodeImpl implements LoginCode {",
                        "    private static final TemplateSpec TEMPLATE = TemplateSpec.of(\"auth1\", \"en_US\", 0, WaSource.API);",
                        "",
                        "    private final KaleyraClient client;",
                        "",
                        "    @Inject",
                        "    public LoginCodeImpl(KaleyraClient client) {",
                        "        this.client = Objects.requireNonNull(client, \"client\");",
                        "    }",
                        "",
                        "    @Override",
                        "    public SendResult send(String phone, String code) {",
                        "        return client.send(AuthMessage.builder(TEMPLATE).to(phone).otp(code).build());",
                        "    }",
                        "",
                        "    @Override",
                        "    public CompletableFuture<SendResult> sendAsync(String phone, String code, String customerId) {",
                        "        return client.sendAsync(AuthMessage.builder(TEMPLATE).to(phone).otp(code).ref(customerId).build());",
                        "    }",
                        "}",
                        ""));
    }

    @Test
    void generatesOneSpecPerLanguageChosenPerSend() throws IOException {
        Compilation compilation = compile(source("com.acme.LoginCode",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "import java.util.Locale;",
                "",
                "@AuthTemplate(name = \"auth1\", lang = {\"en_US\", \"hi\"})",
                "public interface LoginCode {",
                "    SendResult send(@To String phone, @Otp String code, @Lang String lang);",
                "",
                "    SendResult send(@To String phone, @Otp String code, @Lang Locale locale);",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.LoginCodeImpl").contentsAsUtf8String().isEqualTo(
                String.join("\n",
                        "package com.acme;",
                        "",
                        "import dev.waotp.AuthMessage;",
                        "import dev.waotp.KaleyraClient;",
                        "import dev.waotp.SendResult;",
                        "import dev.waotp.TemplateLanguages;",
                        "import dev.waotp.TemplateSpec;",
                        "import dev.waotp.WaSource;",
                        "import jakarta.inject.Inject;",
                        "import java.lang.Override;",
                        "import java.lang.String;",
                        "import java.util.Locale;",
                        "import java.util.Objects;",
                        "import javax.annotation.processing.Generated;",
                        "",
                        "@Generated(\"dev.waotp.processor.AuthTemplateProcessor\")",
                        "public final class LoginCodeImpl implements LoginCode {",
                        "    private static final TemplateLanguages TEMPLATES = TemplateLanguages.of(",
                        "            TemplateSpec.of(\"auth1\", \"en_US\", 0, WaSource.API),",
                        "            TemplateSpec.of(\"auth1\", \"hi\", 0, WaSource.API));",
                        "",
                        "    private final KaleyraClient client;",
                        "",
                        "    @Inject",
                        "    public LoginCodeImpl(KaleyraClient client) {",
                        "        this.client = Objects.requireNonNull(client, \"client\");",
                        "    }",
                        "",
                        "    @Override",
                        "    public SendResult send(String phone, String code, String lang) {",
                        "        return client.send(AuthMessage.builder(TEMPLATES.forCode(lang)).to(phone).otp(code).build());",
                        "    }",
                        "",
                        "    @Override",
                        "    public SendResult send(String phone, String code, Locale locale) {",
                        "        return client.send(AuthMessage.builder(TEMPLATES.forLocale(locale)).to(phone).otp(code).build());",
                        "    }",
                        "}",
                        ""));
    }
}
