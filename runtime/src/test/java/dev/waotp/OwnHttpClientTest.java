package dev.waotp;

import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.clientFor;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A caller's own OkHttpClient is used for sending and left open by {@link KaleyraClient#close()}. */
class OwnHttpClientTest {
    @Test
    void sendsThroughTheCallersInterceptorsAndLeavesTheClientToItsOwner() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient own = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                })
                .build();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(accepted("A1"));

            try (KaleyraClient client = clientFor(server).okHttpClient(own).build()) {
                assertThat(client.sendAsync(loginCode()).join().messageId()).isEqualTo("A1");
            }

            assertThat(seen).containsExactly("/v2/HXAP16XXXXXX97IN/whatsapp/+919000000000/messages");
            assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            own.dispatcher().executorService().shutdown();
        }
    }
}
