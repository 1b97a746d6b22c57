package org.petitionpipeline.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.config.SsoTenantSwitch;

/** Single sign-on is on with all three of its settings, off with none, and refuses to start with some. */
class SingleSignOnTest {

    private static final String URL = "quarkus.oidc.sso.auth-server-url";
    private static final String CLIENT_ID = "quarkus.oidc.sso.client-id";
    private static final String SECRET = "quarkus.oidc.sso.credentials.secret";

    @Test
    void noSettingsMeanNoTenantAndNoButton() {
        Config config = config(Map.of());
        assertThat(config.getValue(SsoTenantSwitch.ENABLED, Boolean.class)).isFalse();
        assertThat(new SingleSignOn(config).enabled()).isFalse();
    }

    @Test
    void allThreeSwitchTheTenantOn() {
        Config config = config(Map.of(URL, "https://idp.example/realms/acme", CLIENT_ID, "console", SECRET, "s3cret"));
        assertThat(config.getValue(SsoTenantSwitch.ENABLED, Boolean.class)).isTrue();
        assertThat(new SingleSignOn(config).enabled()).isTrue();
    }

    @Test
    void anExplicitSwitchStillTurnsAConfiguredTenantOff() {
        Config config = config(Map.of(URL, "https://idp.example/realms/acme", CLIENT_ID, "console", SECRET, "s3cret",
                SsoTenantSwitch.ENABLED, "false"));
        assertThat(new SingleSignOn(config).enabled()).isFalse();
    }

    @Test
    void anAddressWithoutItsSecretRefusesToStartNamingWhatIsMissing() {
        Config config = config(Map.of(URL, "https://idp.example/realms/acme", CLIENT_ID, "console"));
        assertThat(config.getValue(SsoTenantSwitch.ENABLED, Boolean.class)).isFalse();
        assertThatThrownBy(() -> new SingleSignOn(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("single sign-on is half configured: REPORTING_SSO_CLIENT_SECRET is not set");
    }

    /* Above the switch's ordinal, as application.properties and the environment are. */
    private static Config config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 250))
                .withSources(new SsoTenantSwitch()).build();
    }
}
