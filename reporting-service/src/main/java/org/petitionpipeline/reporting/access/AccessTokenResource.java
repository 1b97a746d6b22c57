package org.petitionpipeline.reporting.access;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.petitionpipeline.kit.http.BearerToken;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.identity.SigningKey;

/**
 * Trades a credential (a personal API token, or one of the deployment's tokens) for an access token that the admin
 * API of every service takes: {@code POST /api/auth/token} with {@code Authorization: Bearer <credential>}. The token
 * carries the caller's roles as they are now, and lives {@code reporting.identity.access-token-lifetime}.
 */
@Path("/api/auth/token")
public class AccessTokenResource {

    /** The answer's shape is OAuth 2.0's (RFC 6749 section 5.1), which HTTP clients and tools already read. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issued(String accessToken, String tokenType, long expiresIn) {
    }

    private final BearerCallers bearers;
    private final SigningKey signingKey;
    private final ReportingConfig config;
    private final Clock clock;

    public AccessTokenResource(BearerCallers bearers, SigningKey signingKey, ReportingConfig config, Clock clock) {
        this.bearers = bearers;
        this.signingKey = signingKey;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@Context ContainerRequestContext request) {
        Optional<Caller> caller = BearerToken.presented(request).flatMap(bearers::ofCredential);
        if (caller.isEmpty()) {
            return BearerToken.unauthorized("send your personal API token as 'Authorization: Bearer <token>'");
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new Issued(signingKey.mint().tokenFor(caller.get(), clock.instant()), "Bearer",
                config.identity().accessTokenLifetime().toSeconds())).cacheControl(noStore).build();
    }
}
