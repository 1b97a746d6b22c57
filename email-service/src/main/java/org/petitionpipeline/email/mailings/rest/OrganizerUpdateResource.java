package org.petitionpipeline.email.mailings.rest;

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
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.email.mailings.repository.MailingProgress;
import org.petitionpipeline.email.mailings.service.MailingService;
import org.petitionpipeline.kit.audit.AdminActions;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.AdminApiPolicy;

/**
 * Organizers send an update to the signers of a petition who asked for updates (an access token of an
 * editor of the petition's organization; reading a mailing's progress, of a viewer: {@link AdminApiPolicy}). Posting answers 202 at once; the mailing goes out in the background, and its
 * progress is read at the Location the answer names.
 */
@Path("/api/admin/petitions/{slug}/updates")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizerUpdateResource {

    private final MailingService mailings;
    private final PetitionCatalog catalog;
    private final AdminActions audit;

    public OrganizerUpdateResource(MailingService mailings, PetitionCatalog catalog, AdminActions audit) {
        this.mailings = mailings;
        this.catalog = catalog;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("slug") String slug, UpdateRequest request, @Context UriInfo uri) {
        // the filter found the petition in the catalog before letting the caller in
        PetitionDefinition petition = catalog.find(slug).orElseThrow();
        UpdateRequestValidator.check(request, petition);
        MailingProgress posted = mailings.post(petition, request.original(), request.translations());
        audit.succeeded("mailing.post", AdminApiPolicy.organizationOf(petition), slug,
                Map.of("mailing", posted.id().toString()));
        return Response.accepted(posted)
                .location(uri.getAbsolutePathBuilder().path(posted.id().toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    public MailingProgress progress(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        return mailings.progress(slug, id).orElseThrow(() -> ProblemException.notFound(
                "petition '" + slug + "' has no update " + id + "; use the Location the update was posted to"));
    }
}
