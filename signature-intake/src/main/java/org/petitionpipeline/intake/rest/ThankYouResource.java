package org.petitionpipeline.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.intake.service.KnownPetitions;

/** Where a plain HTML form lands after signing, and after reporting a call (303 from the form posts). */
@Path("/petitions/{slug}/thank-you")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Signing")
public class ThankYouResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thankYou(PetitionDefinition petition, UUID submissionId, UUID callReportId,
                List<PetitionTarget> callable, List<FormChoices.Choice> outcomes, UUID idempotencyKey);
    }

    private final KnownPetitions petitions;

    public ThankYouResource(KnownPetitions petitions) {
        this.petitions = petitions;
    }

    @GET
    @Operation(summary = "The thank-you page after a form post",
            description = "Where the petition's targets have office phones, it asks the signer to call one and offers "
                    + "a plain form to tell how it went (posted to /api/petitions/{slug}/calls).")
    public TemplateInstance thankYou(@PathParam("slug") String slug, @QueryParam("submission_id") UUID submissionId,
            @QueryParam("call_report_id") UUID callReportId) {
        PetitionDefinition petition = petitions.require(slug);
        List<PetitionTarget> callable = petition.targets() == null ? List.of()
                : petition.targets().stream().filter(PetitionTarget::hasPhones).toList();
        // rendered with the key: sending the same report twice (a double click, a reload) counts once
        return Templates.thankYou(petition, submissionId, callReportId, callable, FormChoices.CALL_OUTCOMES,
                UUID.randomUUID());
    }
}
