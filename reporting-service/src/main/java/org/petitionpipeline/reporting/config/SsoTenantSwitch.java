package org.petitionpipeline.reporting.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches the OpenID Connect tenant {@code sso} on exactly when its issuer, client id and secret are all configured
 * (docs/organizations.md#single-sign-on), so that a deployment without single sign-on needs no identity provider.
 * Quarkus has no setting that depends on others, so this is a configuration source of its own;
 * {@code QUARKUS_OIDC_SSO_TENANT_ENABLED=false} still switches a configured tenant off. It never refuses a setting:
 * the build reads configuration too, before values such as a test's provider address exist
 * ({@code access.SingleSignOn} refuses half a configuration when the service starts).
 */
public class SsoTenantSwitch implements ConfigSourceFactory {

    public static final String ENABLED = "quarkus.oidc.sso.tenant-enabled";
    /** What single sign-on needs, with the variable that sets each (application.properties binds them). */
    public static final Map<String, String> REQUIRED = new LinkedHashMap<>();
    /* Below application.properties (250) and the environment (300), above Quarkus' own default (true). */
    private static final int ORDINAL = 200;

    static {
        REQUIRED.put("quarkus.oidc.sso.auth-server-url", "REPORTING_SSO_AUTH_SERVER_URL");
        REQUIRED.put("quarkus.oidc.sso.client-id", "REPORTING_SSO_CLIENT_ID");
        REQUIRED.put("quarkus.oidc.sso.credentials.secret", "REPORTING_SSO_CLIENT_SECRET");
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean configured = unsetVariables(name -> Optional.ofNullable(context.getValue(name))
                .map(ConfigValue::getValue)).isEmpty();
        return List.of(new PropertiesConfigSource(Map.of(ENABLED, String.valueOf(configured)),
                "reporting-service single sign-on switch", ORDINAL));
    }

    /** The variables of {@link #REQUIRED} whose settings {@code setting} finds empty. */
    public static List<String> unsetVariables(Function<String, Optional<String>> setting) {
        return REQUIRED.entrySet().stream()
                .filter(required -> setting.apply(required.getKey()).filter(value -> !value.isBlank()).isEmpty())
                .map(Map.Entry::getValue).toList();
    }
}
