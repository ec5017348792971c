package dev.waotp.spring.callerkey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Posts as a browser or a JSON client behind a proxy would: each post from a new client (its own
 * cookies), with the {@code X-Forwarded-For} the proxy passes on, and the outcome as the client sees it.
 */
final class ClientPosts {
    static final int POSTS = 25;
    /** The default per-caller limit, 20 starts an hour, over 25 posts from one caller. */
    static final List<String> LIMITED_AFTER_20 = outcomes(20, POSTS - 20);
    static final List<String> NONE_LIMITED = outcomes(POSTS, 0);

    private ClientPosts() {}

    private static List<String> outcomes(int sent, int limited) {
        List<String> outcomes = new ArrayList<>(Collections.nCopies(sent, "sent"));
        outcomes.addAll(Collections.nCopies(limited, "rate-limited"));
        return outcomes;
    }

    /**
     * {@link #POSTS} phone-form posts, to numbers {@code +91987650<first>...}, each with the
     * {@code X-Forwarded-For} that {@code forwardedFor} gives for its index ({@code null}: none).
     */
    static List<String> phoneForm(int port, int first, IntFunction<@Nullable String> forwardedFor) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            outcomes.add(phoneForm(port, String.format("+91987650%04d", first + i), forwardedFor.apply(i)));
        }
        return outcomes;
    }

    /** {@link #POSTS} JSON starts, as {@link #phoneForm(int, int, IntFunction)}. */
    static List<String> jsonStart(int port, int first, IntFunction<@Nullable String> forwardedFor) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/waotp/verify/start"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + String.format("+91987651%04d", first + i)
                            + "\"}"));
            HttpResponse<String> response = send(newClient(), request, forwardedFor.apply(i));
            outcomes.add(response.statusCode() == 202 ? "sent"
                    : response.statusCode() == 429 && response.body().contains("urn:waotp:verify:rate-limited")
                            ? "rate-limited" : response.statusCode() + " " + response.body());
        }
        return outcomes;
    }

    /** Where the post led: the code page ("sent"), or the phone page with the message that says why not. */
    private static String phoneForm(int port, String phone, @Nullable String forwardedFor) throws Exception {
        HttpClient client = newClient();
        URI form = URI.create("http://127.0.0.1:" + port + "/login/whatsapp");
        HttpResponse<String> posted = send(client, HttpRequest.newBuilder(form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))),
                forwardedFor);
        String location = posted.headers().firstValue("Location").orElse("");
        if (location.endsWith("/login/whatsapp/code")) {
            return "sent";
        }
        String page = client.send(HttpRequest.newBuilder(form.resolve(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return page.contains("Too many codes were asked for") ? "rate-limited" : posted.statusCode() + " " + location;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, @Nullable String forwardedFor)
            throws IOException, InterruptedException {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
