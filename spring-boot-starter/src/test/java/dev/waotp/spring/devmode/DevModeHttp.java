package dev.waotp.spring.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A browser's view of a dev-mode application: its real HTTP endpoints on its real port. */
final class DevModeHttp {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    // A browser keeps the session cookie: the JSON check is the session's that started the code.
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    DevModeHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** POSTs {@code json} and gives the status. */
    int post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request).statusCode();
    }

    /** The entries of the dev messages page. */
    List<JsonNode> messages() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/waotp/dev/messages")).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /waotp/dev/messages answered " + response.statusCode());
        }
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(response.body()).forEach(entries::add);
        return entries;
    }

    /** The messages page once an entry matches, as a person would reload it; fails after ten seconds. */
    List<JsonNode> messagesOnce(Predicate<JsonNode> entry) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> messages = messages();
        while (messages.stream().noneMatch(entry)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no such entry on /waotp/dev/messages after 10 s: " + messages);
            }
            Thread.sleep(50);
            messages = messages();
        }
        return messages;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
