package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.waotp.KaleyraClient;
import dev.waotp.SendResult;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.ReceivedMessage;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What a user of waotp-runtime and waotp-testing gets: one copy of each library, and a working sender. */
class ConsumerTest {

    @Test
    void theClassPathHoldsOneOkHttpAndOneOkio() throws IOException {
        assertOneCopyOf("okhttp3/OkHttpClient.class");
        assertOneCopyOf("okio/Buffer.class");
        assertOneCopyOf("kotlin/KotlinVersion.class");
        assertOneCopyOf("retrofit2/Retrofit.class");
    }

    /** waotp is on Jackson 3, as Spring Boot 4 is; of Jackson 2 only jackson-annotations, which Jackson 3 uses. */
    @Test
    void theClassPathHoldsJackson3AndNoJackson2() throws IOException {
        assertOneCopyOf("tools/jackson/databind/ObjectMapper.class");
        ClassLoader loader = ConsumerTest.class.getClassLoader();
        assertNull(loader.getResource("com/fasterxml/jackson/databind/ObjectMapper.class"));
        assertNull(loader.getResource("com/fasterxml/jackson/core/JsonFactory.class"));
    }

    @Test
    void theGeneratedSenderPutsTheCodeInTheBodyAndTheButton() throws IOException {
        try (KaleyraStub stub = KaleyraStub.start();
                KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode login = new LoginCodeImpl(client);   // generated in this build by waotp-processor

            SendResult result = login.send("+919876543210", "482913");

            List<ReceivedMessage> received = stub.received();
            assertEquals(1, received.size());
            ReceivedMessage message = received.get(0);
            assertEquals(message.messageId(), result.messageId());
            assertEquals(List.of("+919876543210"), message.recipients());
            assertEquals("auth1", message.templateName());
            JsonNode components = new ObjectMapper().readTree(message.rawJson())
                    .path("messaging_object").path("template").path("components");
            assertEquals("482913", component(components, "body").path("parameters").path(0).path("text").asString());
            assertEquals("482913", component(components, "button").path("parameters").path(0).path("text").asString());
        }
    }

    private static JsonNode component(JsonNode components, String type) {
        for (JsonNode component : components) {
            if (type.equals(component.path("type").asString())) {
                return component;
            }
        }
        throw new AssertionError("no " + type + " component in " + components);
    }

    private static void assertOneCopyOf(String resource) throws IOException {
        List<URL> copies = Collections.list(ConsumerTest.class.getClassLoader().getResources(resource));
        assertEquals(1, copies.size(), () -> resource + " is on the class path " + copies.size() + " times: " + copies);
    }
}
