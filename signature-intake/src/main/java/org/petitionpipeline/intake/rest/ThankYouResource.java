package org.petitionpipeline.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.contracts.catalog.PetitionCatalog;

/** Where a plain HTML form lands after signing (303 from the form post). */
@Path("/petitions/{slug}/thank-you")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Signing")
public class ThankYouResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thankYou(PetitionDefinition petition, UUID submissionId);
    }

    private final PetitionCatalog catalog;

    public ThankYouResource(PetitionCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The thank-you page after a form post")
    public TemplateInstance thankYou(@PathParam("slug") String slug, @QueryParam("submission_id") UUID submissionId) {
        PetitionDefinition petition = catalog.find(slug)
                .orElseThrow(() -> ProblemException.notFound("there is no petition '" + slug + "'"));
        return Templates.thankYou(petition, submissionId);
    }
}
