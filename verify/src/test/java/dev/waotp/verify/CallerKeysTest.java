package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One IPv6 subscriber (a /64) is one caller; IPv4 addresses are themselves; nothing is ever resolved. */
class CallerKeysTest {

    @ParameterizedTest
    @CsvSource({
        "198.51.100.7, 198.51.100.7",
        "2001:db8:1:2::1, 2001:db8:1:2::/64",
        "2001:db8:1:2:ffff:eeee:dddd:cccc, 2001:db8:1:2::/64",
        "[2001:DB8:0:0:1::1], 2001:db8:0:0::/64",
        "fe80::1%eth0, fe80:0:0:0::/64",
        "::ffff:198.51.100.7, 198.51.100.7"})
    void groupsIpv6ByItsSlash64(String address, String key) {
        assertThat(CallerKeys.fromAddress(address)).isEqualTo(key);
    }

    @Test
    void twoAddressesOfOneSubscriberAreOneCaller() {
        assertThat(CallerKeys.fromAddress("2001:db8:aa:bb:1::1")).isEqualTo(CallerKeys.fromAddress("2001:db8:aa:bb:9::9"));
        assertThat(CallerKeys.fromAddress("2001:db8:aa:bc::1")).isNotEqualTo(CallerKeys.fromAddress("2001:db8:aa:bb::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "999.1.1.1", "1.2.3", "", "gggg::1"})
    void refusesAnythingButALiteralAddress(String address) {
        assertThatThrownBy(() -> CallerKeys.fromAddress(address))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("address: must be a literal IPv4 or IPv6 address");
    }
}
