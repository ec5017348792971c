package dev.waotp.spring.callerkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a proxy that appends the address it saw to {@code X-Forwarded-For} (here the test, on
 * loopback), a client that writes its own {@code X-Forwarded-For} first gets no new caller key: the
 * made-up leading address is never the key, the address the proxy appended is. A set-up that passes
 * extends this with its properties.
 */
abstract class ClientChosenCallerKeyScenario {
    @LocalServerPort
    int port;

    /** A new made-up address for each post, as a client would write to get a fresh caller key each time. */
    private static String forged(int i, String real) {
        return "198.51.100." + (i + 1) + ", " + real;
    }

    /**
     * One test, as the posts share the limits: the caller's bucket is the same for both forms, and the
     * posts without the header use up the proxy's own (loopback) key first, so that a set-up keying the
     * JSON posts by the proxy would show them all refused.
     */
    @Test
    void twentyFivePostsWithMadeUpLeadingAddressesAreLimitedLikeTwentyFiveWithoutTheHeader() throws Exception {
        List<String> withoutHeader = ClientPosts.phoneForm(port, 0, i -> null);
        List<String> withMadeUpAddresses = ClientPosts.phoneForm(port, 100, i -> forged(i, "203.0.113.5"));
        List<String> jsonWithMadeUpAddresses = ClientPosts.jsonStart(port, 0, i -> forged(i, "203.0.113.6"));

        assertThat(withoutHeader).isEqualTo(ClientPosts.LIMITED_AFTER_20);
        assertThat(withMadeUpAddresses).isEqualTo(withoutHeader);
        assertThat(jsonWithMadeUpAddresses).isEqualTo(withoutHeader);
    }
}
