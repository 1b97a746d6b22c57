package org.petitionpipeline.email.privacy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.audit.AdminActions;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Ops file an erasure a person asked for by letter, phone or otherwise (a platform operator's access
 * token, see {@link org.petitionpipeline.kit.identity.AdminApiPolicy}), and follow any erasure to its end. Posting answers 202 at
 * once; the Location shows which services are done.
 */
@Path("/api/admin/erasures")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureAdminResource {

    private static final int MAX_LIST = 200;

    private final ErasureService erasures;
    private final AdminActions audit;

    public ErasureAdminResource(ErasureService erasures, AdminActions audit) {
        this.erasures = erasures;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(PersonRequestFiling filing, @Context UriInfo uri) {
        String address = PersonRequestFiling.checked(filing);
        ErasureStatus filed = erasures.fileForPerson(address, filing.channel(), filing.filer(),
                filing.trimmedReference());
        audit.succeeded("erasure.request", null, filed.erasureId().toString(), Map.of("channel",
                filing.channel().name()));
        return Response.accepted(filed)
                .location(uri.getAbsolutePathBuilder().path(filed.erasureId().toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    public ErasureStatus status(@PathParam("id") UUID id) {
        return erasures.status(id).orElseThrow(() -> ProblemException.notFound("no erasure " + id
                + "; use the Location the request was filed at"));
    }

    /** The latest requests first. */
    @GET
    public List<ErasureStatus> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        return erasures.recent(Math.max(1, Math.min(limit, MAX_LIST)));
    }
}
