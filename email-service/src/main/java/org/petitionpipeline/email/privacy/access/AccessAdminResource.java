package org.petitionpipeline.email.privacy.access;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.email.privacy.PersonRequestFiling;
import org.petitionpipeline.kit.audit.AdminActions;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Ops file an access request a person made by letter, phone or otherwise (a platform operator's access
 * token, see {@link org.petitionpipeline.kit.identity.AdminApiPolicy}), and fetch the export once every service has answered, to
 * send it to the person the way they asked. Posting answers 202 at once; the Location has the export when complete.
 */
@Path("/api/admin/access-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AccessAdminResource {

    private final AccessService access;
    private final AdminActions audit;

    public AccessAdminResource(AccessService access, AdminActions audit) {
        this.access = access;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(PersonRequestFiling filing, @Context UriInfo uri) {
        String address = PersonRequestFiling.checked(filing);
        AccessStatus filed = access.fileForPerson(address, filing.channel(), filing.filer(), filing.trimmedReference());
        audit.succeeded("access.request", null, filed.requestId().toString(), Map.of("channel",
                filing.channel().name()));
        return Response.accepted(filed)
                .location(uri.getAbsolutePathBuilder().path(filed.requestId().toString()).build())
                .build();
    }

    /** The request's progress, and its export once complete (until it is deleted, {@code export_deleted_at}). */
    @GET
    @Path("{id}")
    public AccessStatus status(@PathParam("id") UUID id) {
        return access.status(id).orElseThrow(() -> ProblemException.notFound("no access request " + id
                + "; use the Location the request was filed at"));
    }
}
