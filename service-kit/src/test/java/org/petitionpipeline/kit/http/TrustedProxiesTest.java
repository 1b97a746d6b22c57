package org.petitionpipeline.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The shared default of quarkus.http.proxy.trusted-proxies names proxies by CIDR only. Quarkus reads any other entry as
 * host[:port] and resolves it through DNS for every request: '::1' became host ':' port 1, and each dropped DNS query
 * held a request for the resolver's 5 s timeout.
 */
class TrustedProxiesTest {

    @Test
    void everyTrustedProxyIsACidrSoNoRequestWaitsOnDns() throws IOException {
        Properties shared = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            shared.load(reader);
        }

        String[] proxies = shared.getProperty("quarkus.http.proxy.trusted-proxies").split(",");

        assertThat(proxies).isNotEmpty().allMatch(proxy -> proxy.strip().matches(".+/\\d+"), "a CIDR");
        assertThat(Arrays.stream(proxies).map(String::strip)).contains("127.0.0.1/32", "::1/128");
    }
}
