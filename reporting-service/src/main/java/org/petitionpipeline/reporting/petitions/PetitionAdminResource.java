package org.petitionpipeline.reporting.petitions;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.access.AdminTokenFilter;

/** Organizers' petition catalog (bearer token, see {@link AdminTokenFilter}). */
@Path("/api/admin/petitions")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionAdminResource {

    private final PetitionService petitions;
    private final PetitionRequestValidator validator;

    public PetitionAdminResource(PetitionService petitions, PetitionRequestValidator validator) {
        this.petitions = petitions;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PetitionRequest request) {
        validator.validate(request);
        PetitionDefinition petition = petitions.create(request);
        return Response.created(URI.create("/api/petitions/" + petition.slug())).entity(petition).build();
    }

    @GET
    public List<PetitionDefinition> list() {
        return petitions.list();
    }

    @GET
    @Path("{slug}")
    public PetitionDefinition get(@PathParam("slug") String slug) {
        return petitions.find(slug).orElseThrow(() -> NoSuchPetition.named(slug));
    }

    /** Replaces the petition's wording, goal, targets and signer rules; its slug and status stay. */
    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PetitionDefinition update(@PathParam("slug") String slug, PetitionRequest request) {
        validator.validateUpdate(slug, request);
        return petitions.update(slug, request).orElseThrow(() -> NoSuchPetition.named(slug));
    }

    /** Stops new signatures; those taken stay counted. Closing a closed petition changes nothing. */
    @POST
    @Path("{slug}/close")
    public PetitionDefinition close(@PathParam("slug") String slug) {
        return petitions.close(slug).orElseThrow(() -> NoSuchPetition.named(slug));
    }
}
