package org.petitionpipeline.intake.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.intake.config.EmbedConfig;
import org.petitionpipeline.intake.config.IntakeConfig;
import org.petitionpipeline.intake.messages.IntakeLanguages;

/**
 * The default privacy notice the embed's consent box links to, until an organization sets its own. Its periods come
 * from the running configuration and the topic catalogue, so what it promises is what the pipeline does.
 */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Signing")
public class PrivacyResource {

    /** What the notice says, as configured. */
    public record Facts(String exportUrl, String eraseUrl, long kafkaDays, long idempotencyHours) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance privacy(Facts facts, String language, String direction);
    }

    private final Facts facts;
    private final IntakeLanguages languages;

    public PrivacyResource(EmbedConfig embed, IntakeConfig intake, IntakeLanguages languages) {
        this.languages = languages;
        String pages = embed.privacyRequestsUrl().map(origin -> origin.replaceAll("/+$", "")).orElse("");
        this.facts = new Facts(pages + "/privacy/export", pages + "/privacy/erase",
                TopicCatalogue.longestSurvival().toDays(), intake.idempotency().retention().toHours());
    }

    /** In the language of the form that links here ({@code ?lang=}), else the browser's, else English. */
    @GET
    @Operation(summary = "The default privacy notice for signers")
    public TemplateInstance privacy(@QueryParam("lang") String requested,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = languages.negotiate(requested, acceptLanguage);
        return Templates.privacy(facts, language, Languages.direction(language)).setLocale(languages.locale(language));
    }
}
