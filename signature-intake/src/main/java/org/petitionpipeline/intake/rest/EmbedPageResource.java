package org.petitionpipeline.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.contracts.LocalizedPetition;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.intake.config.EmbedConfig;
import org.petitionpipeline.intake.messages.IntakeLanguages;
import org.petitionpipeline.intake.messages.SignerLanguage;
import org.petitionpipeline.intake.service.EmbeddingOrigins;
import org.petitionpipeline.intake.service.KnownPetitions;

/**
 * The iframe embed, for pages that may not load third-party scripts: the widget on intake's own origin, around
 * a plain HTML form that signs without JavaScript (form post, 303 to the thank-you page).
 */
@Path("/petitions/{slug}/embed")
@Tag(name = "Signing")
public class EmbedPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance embed(String slug, LocalizedPetition petition, List<String> required,
                String privacyUrl, Instant renderedAt, UUID idempotencyKey, List<FormChoices.Choice> countries);
    }

    private final KnownPetitions petitions;
    private final EmbeddingOrigins origins;
    private final EmbedConfig config;
    private final IntakeLanguages languages;

    public EmbedPageResource(KnownPetitions petitions, EmbeddingOrigins origins, EmbedConfig config,
            IntakeLanguages languages) {
        this.petitions = petitions;
        this.origins = origins;
        this.config = config;
        this.languages = languages;
    }

    @GET
    @Operation(summary = "The signing form as a page to frame: <iframe src=\".../petitions/{slug}/embed?lang=es\">",
            description = "In the language asked for (lang), else the browser's, else the petition's own.")
    public Response embed(@PathParam("slug") String slug, @QueryParam("lang") String requested,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PetitionDefinition petition = petitions.require(slug);
        String language = SignerLanguage.of(petition, requested, acceptLanguage);
        List<String> required = petition.requiredFields().stream().map(SignerField::name).toList();
        // rendered with the key: submitting the same page twice (a double click, a reload) is one signature
        String privacyUrl = UriBuilder.fromUri(config.privacyUrl()).queryParam("lang", language).build().toString();
        String page = Templates.embed(slug, petition.in(language), required, privacyUrl, Instant.now(),
                UUID.randomUUID(), FormChoices.countries(language))
                .setLocale(languages.locale(language)).render();
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Security-Policy", policy(petition))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Framed only where the petition may be embedded; loads its own script and asks for the total. */
    private String policy(PetitionDefinition petition) {
        String totals = config.totalsUrl().map(url -> " " + url).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'" + totals
                + "; form-action 'self'; base-uri 'none'; frame-ancestors " + origins.frameAncestors(petition);
    }
}
