package dev.waotp.testing;

import com.sun.net.httpserver.HttpServer;
import dev.waotp.AuthMessage;
import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import dev.waotp.DeliveryState;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link SecretsEverywhereTest}'s scenario for delivery callbacks: the stub posts accepted, failed and
 * refused callbacks to a {@link CallbackHandler}, and a template-status callback follows; every object made on the way is added to
 * {@code seen}, and neither {@link #PASSWORD} nor a one-time password may show anywhere.
 */
final class CallbackSecretsScenario {
    static final String PASSWORD = "CbPass-NEVER-PRINTED-0043";

    private CallbackSecretsScenario() {}

    static void run(List<Object> seen, String apiKey, Supplier<String> otp) throws IOException {
        CallbackHandler.Builder handlerBuilder = CallbackHandler.builder().basic("kaleyra", PASSWORD).listener(seen::add)
                .templateStatusListener(seen::add);
        CallbackHandler handler = handlerBuilder.build();
        seen.add(handlerBuilder);
        seen.add(handler);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cb", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            CallbackResult result = handler.handle(exchange.getRequestHeaders(), body);
            seen.add(result);
            exchange.sendResponseHeaders(result.httpStatus(), -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
            StubCallbacks.Builder callbacks = StubCallbacks.to(url).basic("kaleyra", PASSWORD)
                    .outcome("+919000000001", DeliveryOutcome.failed(131026, "Message undeliverable"))
                    .outcome("+919000000002", DeliveryOutcome.notSent("WAV2101", "Account daily limit reached"));
            seen.add(callbacks);
            StubCallbacks settings = callbacks.build();
            seen.add(settings);
            try (KaleyraStub stub = KaleyraStub.builder().apiKey(apiKey).callbacks(settings).start();
                 KaleyraClient client = stub.clientBuilder().callbackProfileId("cbp-1").build()) {
                for (String to : List.of("+919876543210", "+919000000001", "+919000000002")) {
                    seen.add(client.send(AuthMessage.builder(TemplateSpec.of("auth1", "en_US")).to(to).otp(otp.get())
                            .ref2("verification-1").build()));
                }
                seen.addAll(stub.awaitCallbacks(Duration.ofSeconds(10)));
            }
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString(("kaleyra:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            seen.add(handler.handle(Map.of("Authorization", List.of(basic)), ("{\"event\":\"PAUSED\","
                    + "\"message_template_name\":\"auth1\",\"message_template_language\":\"en_US\"}")
                    .getBytes(StandardCharsets.UTF_8)));
            seen.add(handler.handle(Map.of("Authorization", List.of("Basic " + PASSWORD)), new byte[0]));
            seen.add(CallbackHandler.builder().open().build().handle(Map.of(), "{".getBytes(StandardCharsets.UTF_8)));
            seen.addAll(List.of(CallbackResult.Reason.values()));
            seen.addAll(List.of(DeliveryState.values()));
            seen.add(DeliveryOutcome.read());
        } finally {
            server.stop(0);
        }
    }
}
