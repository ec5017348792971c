package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

/** Where the caller key comes from: the container's address, and X-Forwarded-For only past trusted proxies. */
class CallerKeyResolverTest {
    private static CallerKeyResolver trusting(String... ranges) {
        return new CallerKeyResolver(Arrays.stream(ranges).map(AddressRange::parse).toList());
    }

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String line : forwardedFor) {
            request.addHeader("X-Forwarded-For", line);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertThat(trusting().resolve(from("10.0.0.5", "198.51.100.1, 203.0.113.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void fromATrustedProxyTheHeaderIsReadFromTheRightPastEveryTrustedProxy() {
        CallerKeyResolver resolver = trusting("10.0.0.0/8");
        assertThat(resolver.resolve(from("10.0.0.5", "198.51.100.1, 203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(resolver.resolve(from("10.0.0.5", "198.51.100.1, 203.0.113.5, 10.1.2.3"))).isEqualTo("203.0.113.5");
        // A client in the header's left writing a trusted address gains nothing either.
        assertThat(resolver.resolve(from("10.0.0.5", "10.9.9.9, 203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aClientThatReachesTheApplicationDirectlyCannotWriteItsOwnAddress() {
        assertThat(trusting("10.0.0.0/8").resolve(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void severalHeaderLinesAreOneListInTheirOrder() {
        assertThat(trusting("10.0.0.0/8").resolve(from("10.0.0.5", "198.51.100.1", "203.0.113.5, 10.0.0.6")))
                .isEqualTo("203.0.113.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost, 10.0.0.7", "unknown, 10.0.0.7", "999.1.1.1, 10.0.0.7", "010.1.1.1, 10.0.0.7",
        ", 10.0.0.7"})
    void whatIsNotAnAddressEndsTheWalkAtTheLastTrustedProxy(String forwardedFor) {
        assertThat(trusting("10.0.0.0/8").resolve(from("10.0.0.5", forwardedFor))).isEqualTo("10.0.0.7");
    }

    @Test
    void onlyTrustedProxiesAllTheWayGiveTheLeftmostOfThem() {
        assertThat(trusting("10.0.0.0/8").resolve(from("10.0.0.5", "10.0.0.8, 10.0.0.7"))).isEqualTo("10.0.0.8");
        assertThat(trusting("10.0.0.0/8").resolve(from("10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ProxiesAndClientsWithPortsAndBrackets() {
        CallerKeyResolver resolver = trusting("fd00::/8", "::1");
        assertThat(resolver.resolve(from("0:0:0:0:0:0:0:1", "[2001:db8:aa:bb::7]:443, fd00::2")))
                .isEqualTo("2001:db8:aa:bb::/64");
        assertThat(resolver.resolve(from("fd00::1", "203.0.113.5:51234"))).isEqualTo("203.0.113.5");
        assertThat(resolver.resolve(from("fd00::1", "2001:db8:aa:bb:cc::1"))).isEqualTo("2001:db8:aa:bb::/64");
    }

    @Test
    void rangesMatchByTheirPrefixOnly() {
        AddressRange range = AddressRange.parse("192.0.2.128/25");
        assertThat(range.contains(AddressRange.literal("192.0.2.200"))).isTrue();
        assertThat(range.contains(AddressRange.literal("192.0.2.127"))).isFalse();
        assertThat(range.contains(AddressRange.literal("::ffff:192.0.2.200"))).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains(AddressRange.literal("192.0.2.200"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(AddressRange.literal("203.0.113.5"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0", "fd00::/129", "10.0.0.0/", "10.0.0.0/x", ""})
    void aRangeThatIsNotALiteralAddressOrCidrIsRefused(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStaticLookupUsesTheResolverInstalledInTheServletContext_elseTheContainersAddress() {
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext);
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "203.0.113.5");
        assertThat(CallerKeyResolver.callerKey(request)).isEqualTo("10.0.0.5");

        new CallerKeyResolver(List.of(AddressRange.parse("10.0.0.0/8"))).setServletContext(servletContext);
        assertThat(CallerKeyResolver.callerKey(request)).isEqualTo("203.0.113.5");
    }
}
