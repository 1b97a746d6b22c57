package org.petitionpipeline.reporting.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;

/** The caller's own personal API tokens: made (the secret shown this once), listed with their last use, revoked. */
@Path("/api/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    private static final int MAX_NAME = 100;

    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiTokenResource(ApiTokens tokens, CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewToken(String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewToken request) {
        UUID account = caller.account();
        if (request == null || request.name() == null || request.name().isBlank()
                || request.name().length() > MAX_NAME || request.name().chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.unprocessable("a token needs a name", Map.of("name",
                    "what the token is for, up to " + MAX_NAME + " characters, e.g. 'CRM sync'"));
        }
        ApiTokens.Issued issued = tokens.issue(account, request.name().strip(), clock.instant());
        audit.succeeded(AuditAction.TOKEN_CREATE, null, "token:" + issued.id(), Map.of("name", issued.name()));
        return Response.created(URI.create("/api/admin/tokens/" + issued.id())).entity(issued).build();
    }

    @GET
    public List<ApiTokens.Listed> list() {
        return tokens.of(caller.account());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        if (!tokens.revoke(caller.account(), id, clock.instant())) {
            throw ProblemException.notFound("you have no token " + id + " that is not revoked already");
        }
        audit.succeeded(AuditAction.TOKEN_REVOKE, null, "token:" + id, Map.of());
        return Response.noContent().build();
    }
}
