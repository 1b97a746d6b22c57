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
import java.util.Map;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.reporting.access.AdminAccessFilter;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.retention.PetitionRetention;
import org.petitionpipeline.reporting.retention.RetentionRepository;

/**
 * Organizers' petition catalog (who may do what: {@link AdminAccessFilter}); each caller sees the petitions of their
 * organizations, platform operators every one. Each answer is the petition's definition
 * with when its signers' personal data will be, or was, anonymized ({@link PetitionAdminView}).
 */
@Path("/api/admin/petitions")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionAdminResource {

    private final PetitionService petitions;
    private final PetitionRequestValidator validator;
    private final RetentionRepository retention;
    private final PetitionOwnership ownership;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public PetitionAdminResource(PetitionService petitions, PetitionRequestValidator validator,
            RetentionRepository retention, PetitionOwnership ownership, CurrentCaller caller, AuditTrail audit) {
        this.petitions = petitions;
        this.validator = validator;
        this.retention = retention;
        this.ownership = ownership;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PetitionRequest request) {
        validator.validate(request);
        String organization = ownership.forNewPetition(caller.get(), request.organization());
        ownership.requireAllowedRecipients(caller.get(), organization, request.organizerEmails(), List.of());
        PetitionDefinition petition = petitions.create(request, organization);
        audit.succeeded(AuditAction.PETITION_CREATE, organization, petition.slug(), Map.of());
        return Response.created(URI.create("/api/petitions/" + petition.slug())).entity(view(petition)).build();
    }

    @GET
    public List<PetitionAdminView> list() {
        Map<String, PetitionRetention> retentions = retention.findAll();
        Map<String, String> owners = petitions.organizations();
        return petitions.visibleTo(caller.get()).stream().map(petition -> PetitionAdminView.of(petition,
                owners.get(petition.slug()), retentions.get(petition.slug()))).toList();
    }

    @GET
    @Path("{slug}")
    public PetitionAdminView get(@PathParam("slug") String slug) {
        return view(petitions.find(slug).orElseThrow(() -> NoSuchPetition.named(slug)));
    }

    /** Replaces the petition's wording, goal, targets and signer rules; its slug and status stay. */
    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PetitionAdminView update(@PathParam("slug") String slug, PetitionRequest request) {
        validator.validateUpdate(slug, request);
        String organization = petitions.organizationOf(slug).orElseThrow(() -> NoSuchPetition.named(slug));
        ownership.requireUnchanged(organization, request.organization());
        ownership.requireAllowedRecipients(caller.get(), organization, request.organizerEmails(),
                petitions.find(slug).map(PetitionDefinition::organizerEmails).orElse(List.of()));
        PetitionAdminView updated = view(petitions.update(slug, request).orElseThrow(() -> NoSuchPetition.named(slug)));
        audit.succeeded(AuditAction.PETITION_UPDATE, organization, slug, Map.of());
        return updated;
    }

    /** Stops new signatures; those taken stay counted. Closing a closed petition changes nothing. */
    @POST
    @Path("{slug}/close")
    public PetitionAdminView close(@PathParam("slug") String slug) {
        PetitionAdminView closed = view(petitions.close(slug).orElseThrow(() -> NoSuchPetition.named(slug)));
        audit.succeeded(AuditAction.PETITION_CLOSE, closed.organization(), slug, Map.of());
        return closed;
    }

    private PetitionAdminView view(PetitionDefinition petition) {
        return PetitionAdminView.of(petition, petitions.organizationOf(petition.slug()).orElse(null),
                retention.find(petition.slug()).orElse(null));
    }
}
