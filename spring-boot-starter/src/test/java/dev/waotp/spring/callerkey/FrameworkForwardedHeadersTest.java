package dev.waotp.spring.callerkey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Why the README does not advise {@code server.forward-headers-strategy=framework}: Spring's
 * ForwardedHeaderFilter takes the leftmost {@code X-Forwarded-For} value, which the client writes, so a
 * client that writes a new address each time is never limited. (The start-up log warns of it.)
 */
@SpringBootTest(classes = PhoneFormApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=framework", "waotp.web.enabled=true",
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration"})
class FrameworkForwardedHeadersTest {
    @LocalServerPort
    int port;

    @Test
    void aClientThatWritesANewLeadingAddressEachTimeIsNeverLimited() throws Exception {
        assertThat(ClientPosts.phoneForm(port, 0, i -> "198.51.100." + (i + 1) + ", 203.0.113.5"))
                .isEqualTo(ClientPosts.NONE_LIMITED);
    }
}
