package org.petitionpipeline.intake.rest;

import io.quarkus.vertx.http.Compressed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.intake.messages.IntakeLanguages;
import org.petitionpipeline.intake.messages.SignerLanguage;
import org.petitionpipeline.intake.messages.WidgetMessages;
import org.petitionpipeline.intake.service.KnownPetitions;

/**
 * What an embed shows before signing (title, text, targets and their phones, consent wording, the widget's words),
 * from the in-memory catalog, in the signer's language.
 */
@Path("/api/petitions/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionResource {

    private final KnownPetitions petitions;
    private final WidgetMessages widgetMessages;
    private final IntakeLanguages languages;

    public PetitionResource(KnownPetitions petitions, WidgetMessages widgetMessages, IntakeLanguages languages) {
        this.petitions = petitions;
        this.widgetMessages = widgetMessages;
        this.languages = languages;
    }

    @GET
    @Compressed
    @Operation(summary = "A petition as an embed shows it, in the language asked for (lang), else the browser's "
            + "(Accept-Language), else the petition's own")
    public Response petition(@PathParam("slug") String slug,
            @Parameter(description = "The embed's data-lang, e.g. es; unknown languages fall back quietly")
            @QueryParam("lang") String requested,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PetitionDefinition petition = petitions.require(slug);
        String language = SignerLanguage.of(petition, requested, acceptLanguage);
        PublicPetition shown = PublicPetition.of(petition, language,
                FormChoices.callOutcomes(languages.messages(language)), widgetMessages.in(language));
        return Response.ok(shown).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }
}
