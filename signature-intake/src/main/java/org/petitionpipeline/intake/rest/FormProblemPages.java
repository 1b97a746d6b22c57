package org.petitionpipeline.intake.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.intake.messages.IntakeLanguages;
import org.petitionpipeline.kit.http.Problem;

/**
 * A signer posting a plain HTML form (signing, or reporting a call) sees a page that says what to fix, not a JSON document. Only browsers
 * asking for HTML get it; API clients posting forms keep problem+json.
 */
public class FormProblemPages {

    private final Template problem;
    private final IntakeLanguages languages;

    public FormProblemPages(@Location("problem.html") Template problem, IntakeLanguages languages) {
        this.problem = problem;
        this.languages = languages;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem details
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())
                && prefersHtml(request)) {
            boolean callReport = request.getUriInfo().getPath().endsWith("/calls");
            // the form's action names the language it was shown in; a form from before languages reads as English
            String language = Languages.languageOf(request.getUriInfo().getQueryParameters().getFirst("lang"))
                    .orElse(Languages.DEFAULT);
            response.setEntity(problem.data("problem", details).data("callReport", callReport)
                    .data("language", language).data("direction", Languages.direction(language))
                    .setLocale(languages.locale(language)).render(), null, MediaType.TEXT_HTML_TYPE);
        }
    }

    private static boolean prefersHtml(ContainerRequestContext request) {
        MediaType preferred = request.getAcceptableMediaTypes().get(0);
        return !preferred.isWildcardType() && preferred.isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
