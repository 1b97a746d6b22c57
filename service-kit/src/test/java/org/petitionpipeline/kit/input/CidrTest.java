package org.petitionpipeline.kit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void countsIpv4ByItsSlash24AndIpv6ByItsSlash64() {
        assertThat(Cidr.networkOf("198.51.100.77", 24, 64)).hasValueSatisfying(
                network -> assertThat(network).hasToString("198.51.100.0/24"));
        assertThat(Cidr.networkOf("2001:db8:aa:bb:1234:5678:9abc:def0", 24, 64)).hasValueSatisfying(
                network -> assertThat(network).hasToString("2001:db8:aa:bb:0:0:0:0/64"));
        assertThat(Cidr.networkOf("198.51.100.77", 32, 64)).hasValueSatisfying(
                network -> assertThat(network).hasToString("198.51.100.77/32"));
        assertThat(Cidr.networkOf("not-an-address.example", 24, 64)).isEmpty();
    }

    @Test
    void aNetworkContainsItsAddressesOnly() {
        Cidr network = Cidr.parse("198.51.100.0/22");
        assertThat(network.contains("198.51.103.255")).isTrue();
        assertThat(network.contains("198.51.104.0")).isFalse();
        assertThat(network.contains("::ffff:1")).isFalse();
        assertThat(network.contains("example.org")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
    }

    @Test
    void refusesWhatIsNotANetwork() {
        assertThatThrownBy(() -> Cidr.parse("198.51.100.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("example.org/24")).isInstanceOf(IllegalArgumentException.class);
    }
}
