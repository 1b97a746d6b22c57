package org.petitionpipeline.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Forwarded-Proto and -Host from a peer that is not a configured proxy change nothing. */
@QuarkusTest
@TestProfile(UntrustedProxyHeadersTest.ProxyElsewhere.class)
class UntrustedProxyHeadersTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test client connects from loopback, which is then not the proxy
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10");
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
        Response login = ConsoleBrowser.loginForm().post().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .formParam("token", ConsoleAuthTest.ORGANIZER_TOKEN).post("/console/login");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").doesNotContain("Secure");
        assertThat(login.header("Location")).doesNotContain("evil.example").endsWith("/console");
    }
}
