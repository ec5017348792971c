package dev.waotp;

/**
 * The Kaleyra data centre ("pod") an account lives in; each has its own API host. Requests go to
 * {@code https://<host>/v2/<sid>/whatsapp/<business number>/messages}.
 *
 * @see <a href="https://developers.kaleyra.io/docs/whatsapp-api-v2-send-authentication-template-messages">Kaleyra:
 *     Send Authentication Template Messages</a>
 */
public enum Region {
    /** India: {@code api.in.kaleyra.io}. */
    IN("api.in.kaleyra.io"),
    /** Singapore: {@code api.kaleyra.io}. */
    SG("api.kaleyra.io"),
    /** Europe: {@code api.eu.kaleyra.io}. */
    EU("api.eu.kaleyra.io"),
    /** North America: {@code api.na.kaleyra.ai}. */
    NA("api.na.kaleyra.ai");

    private final String host;

    Region(String host) {
        this.host = host;
    }

    /** The API host, for example {@code api.in.kaleyra.io}. */
    public String host() {
        return host;
    }

    String baseUrl() {
        return "https://" + host + "/";
    }
}
