package dev.waotp.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.waotp.AuthTemplates;
import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** A generated sender of a template in several languages sends the one each call chooses. */
class SendInChosenLanguageTest {
    private static final Compilation COMPILATION = Compilations.compile(source("com.acme.LoginCode",
            "package com.acme;",
            "",
            "import dev.waotp.*;",
            "import java.util.Locale;",
            "",
            "@AuthTemplate(name = \"auth1\", lang = {\"en_US\", \"en_GB\", \"hi\", \"ta\"}, buttonIndex = 1)",
            "public interface LoginCode {",
            "    SendResult send(@To String phone, @Otp String code, @Lang String lang);",
            "",
            "    void sendFor(@Lang Locale locale, @To String phone, @Otp String code);",
            "}"));

    private final ObjectMapper json = new ObjectMapper();
    private MockWebServer server;
    private KaleyraClient client;
    private Object sender;

    @BeforeEach
    void start() throws Exception {
        assertThat(COMPILATION).succeededWithoutWarnings();
        server = new MockWebServer();
        server.start();
        client = Compilations.clientFor(server);
        sender = AuthTemplates.create(Compilations.classLoader(COMPILATION).loadClass("com.acme.LoginCode"), client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aStringSendsExactlyThatLanguage() throws Exception {
        assertThat(sendIn("hi")).isEqualTo("hi");
        assertThat(sendIn("en_GB")).isEqualTo("en_GB");
    }

    @Test
    void aLocaleSendsItsLanguageAndCountryThenItsLanguageThenTheFirst() throws Exception {
        assertThat(sendFor(Locale.UK)).isEqualTo("en_GB");
        assertThat(sendFor(Locale.forLanguageTag("hi-IN"))).isEqualTo("hi");
        assertThat(sendFor(Locale.forLanguageTag("ta-LK"))).isEqualTo("ta");
        assertThat(sendFor(Locale.CANADA)).isEqualTo("en_US");
        assertThat(sendFor(Locale.JAPAN)).isEqualTo("en_US");
    }

    @Test
    void theOtherTemplateFactsAreTheSameInEveryLanguage() throws Exception {
        server.enqueue(accepted());

        sender.getClass().getMethod("send", String.class, String.class, String.class)
                .invoke(sender, "+919876543210", "4821", "ta");

        var template = json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
                .path("messaging_object").path("template");
        assertThat(template.path("name").asString()).isEqualTo("auth1");
        assertThat(template.path("components").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(template.path("components").path(1).path("parameters").path(0).path("text").asString())
                .isEqualTo("4821");
    }

    @Test
    void anUndeclaredOrMissingLanguageIsAnInputErrorAndNothingIsSent() throws Exception {
        Method send = sender.getClass().getMethod("send", String.class, String.class, String.class);
        Method sendFor = sender.getClass().getMethod("sendFor", Locale.class, String.class, String.class);

        InvalidInputException undeclared = inputError(send, "+919876543210", "4821", "fr");
        InvalidInputException nullCode = inputError(send, "+919876543210", "4821", null);
        InvalidInputException nullLocale = inputError(sendFor, null, "+919876543210", "4821");

        assertThat(undeclared.field()).isEqualTo("lang");
        assertThat(undeclared.getMessage()).isEqualTo("lang: must be one of the template's languages: en_US, en_GB,"
                + " hi, ta");
        assertThat(nullCode.field()).isEqualTo("lang");
        assertThat(nullLocale.field()).isEqualTo("lang");
        assertThat(server.getRequestCount()).isEqualTo(0);
    }

    private InvalidInputException inputError(Method method, Object... arguments) {
        InvocationTargetException thrown =
                assertThrows(InvocationTargetException.class, () -> method.invoke(sender, arguments));
        assertThat(thrown.getCause()).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown.getCause();
    }

    private String sendIn(String lang) throws Exception {
        server.enqueue(accepted());
        sender.getClass().getMethod("send", String.class, String.class, String.class)
                .invoke(sender, "+919876543210", "4821", lang);
        return sentLanguage();
    }

    private String sendFor(Locale locale) throws Exception {
        server.enqueue(accepted());
        sender.getClass().getMethod("sendFor", Locale.class, String.class, String.class)
                .invoke(sender, locale, "+919876543210", "4821");
        return sentLanguage();
    }

    private String sentLanguage() throws Exception {
        return json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
                .path("messaging_object").path("template").path("language").path("code").asString();
    }

    private static MockResponse accepted() {
        return new MockResponse.Builder()
                .code(202)
                .addHeader("Content-Type", "application/json")
                .body("{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"A1\"},\"error\":{}}")
                .build();
    }
}
