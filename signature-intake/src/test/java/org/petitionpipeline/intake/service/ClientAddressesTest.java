package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(List.of(proxies));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(trusting().clientOf("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(trusting("10.0.0.0/8").clientOf("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
    }

    @Test
    void theFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddresses addresses = trusting("10.0.0.0/8");

        assertThat(addresses.clientOf("10.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
        assertThat(addresses.clientOf("10.0.0.1", List.of("6.6.6.6", "198.51.100.7"))).as("one header per hop")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(trusting("10.0.0.0/8").clientOf("10.0.0.1", List.of("10.9.9.9, 10.1.1.1"))).isEqualTo("10.9.9.9");
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastAddressKnown() {
        assertThat(trusting("10.0.0.0/8").clientOf("10.0.0.1", List.of("198.51.100.7, evil.example")))
                .isEqualTo("10.0.0.1");
        assertThat(trusting("10.0.0.0/8").clientOf("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        ClientAddresses addresses = trusting("127.0.0.1", "::1/128", "2001:db8::/32");

        assertThat(addresses.clientOf("::1", List.of("[2001:db9::5]:443"))).isEqualTo("2001:db9::5");
        assertThat(addresses.clientOf("127.0.0.1", List.of("198.51.100.7:5555, 2001:db8::1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aMalformedProxyListIsAConfigurationError() {
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trusting("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }
}
