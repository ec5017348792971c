package dev.waotp.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.waotp.processor.Compilations.compile;
import static dev.waotp.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.waotp.AuthTemplates;
import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Compiles template interfaces with the processor and sends through the generated classes over HTTP. */
class SendThroughGeneratedSenderTest {
    private static final String ACCEPTED =
            "{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":{\"message_id\":\"A1\"},\"error\":{}}";

    private static final Compilation COMPILATION = compile(source("com.acme.Senders",
            "package com.acme;",
            "",
            "import dev.waotp.*;",
            "import java.util.List;",
            "import java.util.concurrent.CompletableFuture;",
            "",
            "public interface Senders {",
            "    @AuthTemplate(name = \"login_otp\", lang = \"pt_BR\", buttonIndex = 2, source = WaSource.ZOHO)",
            "    interface LoginCode {",
            "        SendResult send(@Otp CharSequence code, @To String phone, @Ref2 String b, @Ref1 String a);",
            "",
            "        CompletableFuture<SendResult> sendAsync(@To List<String> phones, @Otp String code);",
            "",
            "        void sendToAll(@Otp String code, @Ref String ref, @To String... phones);",
            "    }",
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
        Class<?> template = Compilations.classLoader(COMPILATION).loadClass("com.acme.Senders$LoginCode");
        sender = AuthTemplates.create(template, client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theRuntimeFindsTheSenderOfAnInterfaceNestedTwoLevelsDeepAsOuterUnderscoreInner() throws Exception {
        Compilation compilation = compile(source("com.acme.Outer",
                "package com.acme;",
                "",
                "import dev.waotp.*;",
                "",
                "public class Outer {",
                "    public static class Middle {",
                "        @AuthTemplate(name = \"auth1\", lang = \"en_US\")",
                "        public interface LoginCode {",
                "            SendResult send(@To String phone, @Otp String code);",
                "        }",
                "    }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader classes = Compilations.classLoader(compilation);

        Object login = AuthTemplates.create(classes.loadClass("com.acme.Outer$Middle$LoginCode"), client);

        // The processor and the runtime each derive the name; they must agree at every depth.
        assertThat(login.getClass()).isEqualTo(classes.loadClass("com.acme.Outer_Middle_LoginCodeImpl"));
    }

    @Test
    void sendsTheOtpInBothComponentsWithTheTemplateAndRefs() throws Exception {
        server.enqueue(accepted());

        Object result = sender.getClass().getMethod("send", CharSequence.class, String.class, String.class, String.class)
                .invoke(sender, new StringBuilder("482913"), "+919876543210", "second", "first");

        assertThat(result).isEqualTo(new SendResult(List.of("A1"), "WA202", "Request Accepted"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/HXAP16XXXXXX97IN/whatsapp/+919000000000/messages");
        JsonNode body = json.readTree(request.getBody().utf8());
        JsonNode message = body.path("messaging_object");
        assertThat(message.path("to").asString()).isEqualTo("+919876543210");
        JsonNode template = message.path("template");
        assertThat(template.path("name").asString()).isEqualTo("login_otp");
        assertThat(template.path("language").path("code").asString()).isEqualTo("pt_BR");
        JsonNode components = template.path("components");
        assertThat(components.path(0).path("type").asString()).isEqualTo("body");
        assertThat(components.path(0).path("parameters").path(0).path("text").asString()).isEqualTo("482913");
        assertThat(components.path(1).path("type").asString()).isEqualTo("button");
        assertThat(components.path(1).path("index").asInt()).isEqualTo(2);
        assertThat(components.path(1).path("parameters").path(0).path("text").asString()).isEqualTo("482913");
        JsonNode extra = body.path("extra_info");
        assertThat(extra.path("wa_source").asString()).isEqualTo("zoho");
        assertThat(extra.path("ref1").asString()).isEqualTo("first");
        assertThat(extra.path("ref2").asString()).isEqualTo("second");
        assertThat(extra.has("ref")).isFalse();
    }

    @Test
    void sendsAsyncToAListOfRecipientsJoinedByCommas() throws Exception {
        server.enqueue(accepted());

        Object future = sender.getClass().getMethod("sendAsync", List.class, String.class)
                .invoke(sender, List.of("+919876543210", "+14155550123"), "1234");

        assertThat(((CompletableFuture<?>) future).get(5, TimeUnit.SECONDS))
                .isEqualTo(new SendResult(List.of("A1"), "WA202", "Request Accepted"));
        assertThat(receivedJson().path("messaging_object").path("to").asString())
                .isEqualTo("+919876543210,+14155550123");
    }

    @Test
    void sendsFromAVoidVarargsMethod() throws Exception {
        server.enqueue(accepted());

        sender.getClass().getMethod("sendToAll", String.class, String.class, String[].class)
                .invoke(sender, "99", "order-7", new String[] {"+919876543210", "+14155550123"});

        JsonNode body = receivedJson();
        assertThat(body.path("messaging_object").path("to").asString()).isEqualTo("+919876543210,+14155550123");
        assertThat(body.path("extra_info").path("ref").asString()).isEqualTo("order-7");
    }

    @Test
    void sendsThroughASenderWhoseInterfaceInheritsTypesNamedLikeTheGeneratedCodesTypes() throws Exception {
        Compilation compilation = compile(NameClashesTest.BASE_WITH_CLASHING_TYPES,
                NameClashesTest.LOGIN_CODE_EXTENDING_BASE);
        assertThat(compilation).succeededWithoutWarnings();
        Object login = AuthTemplates.create(
                Compilations.classLoader(compilation).loadClass("com.acme.LoginCode"), client);
        server.enqueue(accepted());
        server.enqueue(accepted());

        Object result = login.getClass().getMethod("send", String.class, CharSequence.class, String.class)
                .invoke(login, "+919876543210", "482913", "order-7");
        Object future = login.getClass().getMethod("sendAsync", List.class, String.class)
                .invoke(login, List.of("+14155550123"), "1234");

        assertThat(((SendResult) result).messageId()).isEqualTo("A1");
        JsonNode body = receivedJson();
        assertThat(body.path("messaging_object").path("template").path("name").asString()).isEqualTo("auth1");
        assertThat(body.path("messaging_object").path("template").path("components").path(1)
                .path("parameters").path(0).path("text").asString()).isEqualTo("482913");
        assertThat(body.path("extra_info").path("ref").asString()).isEqualTo("order-7");
        assertThat(((SendResult) ((CompletableFuture<?>) future).get(5, TimeUnit.SECONDS)).messageId())
                .isEqualTo("A1");
        JsonNode asyncBody = receivedJson();
        assertThat(asyncBody.path("messaging_object").path("to").asString()).isEqualTo("+14155550123");
        assertThat(asyncBody.path("messaging_object").path("template").path("components").path(0)
                .path("parameters").path(0).path("text").asString()).isEqualTo("1234");
    }

    @Test
    void sendsInALanguageAllowedByTheOption() throws Exception {
        Compilation compilation = Compilations.compiler().withOptions("-Awaotp.extraLanguages=ha_NG")
                .compile(Compilations.template("LoginCode",
                        "@AuthTemplate(name = \"auth1\", lang = \"ha_NG\")", Compilations.SEND));
        assertThat(compilation).succeededWithoutWarnings();
        Object login = AuthTemplates.create(
                Compilations.classLoader(compilation).loadClass("com.acme.LoginCode"), client);
        server.enqueue(accepted());

        login.getClass().getMethod("send", String.class, String.class).invoke(login, "+2348012345678", "1234");

        assertThat(receivedJson().path("messaging_object").path("template").path("language").path("code").asString())
                .isEqualTo("ha_NG");
    }

    private JsonNode receivedJson() throws Exception {
        return json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    }

    private static MockResponse accepted() {
        return new MockResponse.Builder()
                .code(202)
                .addHeader("Content-Type", "application/json")
                .body(ACCEPTED)
                .build();
    }
}
