package org.petitionpipeline.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.contracts.LocalizedPetition;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.Regions;
import org.petitionpipeline.intake.messages.IntakeLanguages;
import org.petitionpipeline.intake.messages.SignerLanguage;
import org.petitionpipeline.intake.service.KnownPetitions;

/** Where a plain HTML form lands after signing, and after reporting a call (303 from the form posts). */
@Path("/petitions/{slug}/thank-you")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Signing")
public class ThankYouResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thankYou(String slug, LocalizedPetition petition, UUID submissionId,
                UUID callReportId, List<PetitionTarget> callable, List<FormChoices.Choice> outcomes,
                UUID idempotencyKey);
    }

    private final KnownPetitions petitions;
    private final IntakeLanguages languages;

    public ThankYouResource(KnownPetitions petitions, IntakeLanguages languages) {
        this.petitions = petitions;
        this.languages = languages;
    }

    @GET
    @Operation(summary = "The thank-you page after a form post",
            description = "Where the petition's targets have office phones, it asks the signer to call one and offers "
                    + "a plain form to tell how it went (posted to /api/petitions/{slug}/calls).")
    public TemplateInstance thankYou(@PathParam("slug") String slug, @QueryParam("submission_id") UUID submissionId,
            @QueryParam("call_report_id") UUID callReportId, @QueryParam("lang") String requested,
            @QueryParam("region") String region,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PetitionDefinition petition = petitions.require(slug);
        String language = SignerLanguage.of(petition, requested, acceptLanguage);
        LocalizedPetition shown = petition.in(language);
        // the signer's own representatives first, as the widget's call step shows them
        String own = region != null && Regions.isKnown(region) ? region : null;
        List<PetitionTarget> callable = shown.targets().stream().filter(PetitionTarget::hasPhones)
                .sorted(Comparator.comparing(target -> own == null || !own.equals(target.region()))).toList();
        // rendered with the key: sending the same report twice (a double click, a reload) counts once
        return Templates.thankYou(slug, shown, submissionId, callReportId, callable,
                FormChoices.callOutcomes(languages.messages(language)), UUID.randomUUID())
                .setLocale(languages.locale(language));
    }
}
