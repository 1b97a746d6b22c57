package org.petitionpipeline.reporting.webhooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IP literals only, so no answer depends on a DNS server. */
class ReceiverAddressesTest {

    private final ReceiverAddresses production = new ReceiverAddresses(false, false);
    private final ReceiverAddresses localRun = new ReceiverAddresses(true, true);

    @Test
    void anHttpsUrlOnAPublicAddressIsTaken() {
        assertThat(production.refusal("https://93.184.215.14/hooks?org=acme")).isEmpty();
        assertThat(production.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/hooks")).isEmpty();
    }

    @Test
    void onlyHttpsUnlessConfigurationAllowsHttp() {
        assertThat(production.refusal("http://93.184.215.14/hooks")).contains("must start with https://");
        assertThat(localRun.refusal("http://127.0.0.1:9000/hooks")).isEmpty();
        for (String other : List.of("ftp://93.184.215.14/x", "file:///etc/passwd", "gopher://93.184.215.14/",
                "//93.184.215.14/x", "hooks")) {
            assertThat(localRun.refusal(other)).as(other).isPresent();
        }
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessConfigurationAllowsThem() {
        for (String url : List.of("https://127.0.0.1/", "https://127.1.2.3:8443/", "https://10.0.0.5/",
                "https://172.16.4.4/", "https://192.168.1.1/", "https://100.64.0.1/", "https://169.254.169.254/latest",
                "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/",
                "https://localhost/")) {
            assertThat(production.refusal(url)).as(url).hasValueSatisfying(reason ->
                    assertThat(reason).contains("private, loopback or link-local"));
            assertThat(localRun.refusal(url)).as(url).isEmpty();
        }
    }

    @Test
    void unspecifiedAndMulticastAddressesAreNeverReceivers() {
        for (String url : List.of("https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/", "https://[ff02::1]/",
                "https://255.255.255.255/")) {
            assertThat(localRun.refusal(url)).as(url).hasValueSatisfying(reason ->
                    assertThat(reason).contains("no single receiver"));
        }
    }

    @Test
    void credentialsFragmentsAndOverlongUrlsAreRefused() {
        assertThat(production.refusal("https://user:pw@93.184.215.14/")).isPresent();
        assertThat(production.refusal("https://93.184.215.14/#x")).isPresent();
        assertThat(production.refusal("https://93.184.215.14/" + "a".repeat(2000))).isPresent();
        assertThat(production.refusal("https://93.184.215.14/a b")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("not a URL"));
        assertThat(production.refusal(null)).isPresent();
    }
}
