package org.petitionpipeline.reporting.access;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.petitionpipeline.reporting.config.SsoTenantSwitch;

/**
 * Whether single sign-on is on: the login page offers it then ({@code inject:sso.enabled}). Made at startup, which
 * it refuses when single sign-on is half configured: a deployment that meant to have it finds out at once, not when
 * the first person cannot sign in.
 */
@Named("sso")
@Startup
@ApplicationScoped
public class SingleSignOn {

    private final boolean enabled;

    /* Quarkus' own keys, not a mapping of ours: the page and the OIDC tenant read the same ones. */
    public SingleSignOn(Config config) {
        List<String> unset = SsoTenantSwitch.unsetVariables(name -> config.getOptionalValue(name, String.class));
        if (!unset.isEmpty() && unset.size() < SsoTenantSwitch.REQUIRED.size()) {
            throw new IllegalStateException("single sign-on is half configured: " + String.join(", ", unset)
                    + (unset.size() == 1 ? " is" : " are") + " not set; set all of "
                    + String.join(", ", SsoTenantSwitch.REQUIRED.values())
                    + " (docs/organizations.md#single-sign-on), or none of them");
        }
        this.enabled = config.getValue(SsoTenantSwitch.ENABLED, Boolean.class);
    }

    public boolean enabled() {
        return enabled;
    }
}
