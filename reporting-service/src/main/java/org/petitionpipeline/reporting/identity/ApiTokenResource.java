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
import java.util.List;
import java.util.UUID;

/** The caller's own personal API tokens ({@link OwnTokens}) over the admin API. */
@Path("/api/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    private final OwnTokens tokens;

    public ApiTokenResource(OwnTokens tokens) {
        this.tokens = tokens;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewToken(String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewToken request) {
        ApiTokens.Issued issued = tokens.create(request == null ? null : request.name());
        return Response.created(URI.create("/api/admin/tokens/" + issued.id())).entity(issued).build();
    }

    @GET
    public List<ApiTokens.Listed> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
