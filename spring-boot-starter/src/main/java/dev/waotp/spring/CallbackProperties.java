package dev.waotp.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.callbacks.*} properties of the endpoint that receives Kaleyra's delivery status
 * callbacks. The endpoint exists only when {@code path} is set, and refuses to start without
 * credentials unless {@code open} is true. Set the credentials to what the Kaleyra callback profile
 * sends. Public for Spring's binder and the IDE metadata only.
 *
 * @param path Path of the endpoint Kaleyra posts status callbacks to, for example /waotp/callbacks.
 *     The endpoint is mounted only when this is set.
 * @param basic Basic authentication the callback profile sends.
 * @param bearerToken Bearer token the callback profile sends in the Authorization header (Kaleyra's
 *     advanced authentication).
 * @param header A fixed extra header the callback profile sends.
 * @param open Whether to accept callbacks without any credentials. Anyone who can reach the endpoint
 *     could then post statuses; only for an endpoint that something else authenticates, or for tests.
 */
@ConfigurationProperties("waotp.callbacks")
public record CallbackProperties(
        @Nullable String path,
        @DefaultValue Basic basic,
        @Nullable String bearerToken,
        @DefaultValue Header header,
        @DefaultValue("false") boolean open) {

    /** Names the settings but never shows a credential. */
    @Override
    public String toString() {
        return "CallbackProperties{path=" + path + ", basic=" + (basic.username() == null ? "unset" : "****")
                + ", bearerToken=" + (bearerToken == null ? "unset" : "****") + ", header="
                + (header.name() == null ? "unset" : header.name() + ":****") + ", open=" + open + "}";
    }

    /**
     * The {@code waotp.callbacks.basic.*} properties.
     *
     * @param username User name of Basic authentication on the callback profile.
     * @param password Password of Basic authentication on the callback profile. Set it from the
     *     environment or a secret store.
     */
    public record Basic(@Nullable String username, @Nullable String password) {
        @Override
        public String toString() {
            return "Basic{username=" + username + ", password=****}";
        }
    }

    /**
     * The {@code waotp.callbacks.header.*} properties.
     *
     * @param name Name of a fixed header the callback profile adds, for example X-Callback-Secret.
     * @param value Value of that header. Set it from the environment or a secret store.
     */
    public record Header(@Nullable String name, @Nullable String value) {
        @Override
        public String toString() {
            return "Header{name=" + name + ", value=****}";
        }
    }
}
