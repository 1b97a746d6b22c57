package org.petitionpipeline.reporting.access;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.kit.http.BearerToken;
import org.petitionpipeline.reporting.config.ReportingConfig;

/** The organizers' and ops' tokens, built when the service starts, so a weak or shared one never goes live. */
@Startup
@Singleton
public class RoleTokens {

    private final Map<ConsoleRole, BearerToken> tokens = new EnumMap<>(ConsoleRole.class);

    public RoleTokens(ReportingConfig config) {
        if (config.adminToken().equals(config.opsToken())) {
            throw new IllegalArgumentException("REPORTING_OPS_TOKEN must differ from REPORTING_ADMIN_TOKEN: "
                    + "each token opens one console");
        }
        tokens.put(ConsoleRole.ORGANIZER, new BearerToken(ConsoleRole.ORGANIZER.variable(), config.adminToken(),
                "organizer"));
        tokens.put(ConsoleRole.OPS, new BearerToken(ConsoleRole.OPS.variable(), config.opsToken(), "ops"));
    }

    public BearerToken organizer() {
        return tokens.get(ConsoleRole.ORGANIZER);
    }

    /** The role whose token was pasted; every token is compared, each in constant time. */
    public Optional<ConsoleRole> roleOf(String pasted) {
        Optional<ConsoleRole> found = Optional.empty();
        for (Map.Entry<ConsoleRole, BearerToken> token : tokens.entrySet()) {
            if (token.getValue().matches(pasted)) {
                found = Optional.of(token.getKey());
            }
        }
        return found;
    }
}
