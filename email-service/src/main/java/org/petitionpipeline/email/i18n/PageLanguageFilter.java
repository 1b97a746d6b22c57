package org.petitionpipeline.email.i18n;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page this service answers with is shown in the language of the link that led to it (its {@code lang}, which
 * the mails add to every link), else in the browser's: one place for all pages, so no resource can forget it. Runs
 * before the page is rendered.
 */
public class PageLanguageFilter {

    /** The query parameter the links in our mails (and the forms on our pages) carry. */
    public static final String PARAMETER = "lang";

    private final InterfaceLanguages languages;

    public PageLanguageFilter(InterfaceLanguages languages) {
        this.languages = languages;
    }

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance page) {
            String language = languages.negotiate(request.getUriInfo().getQueryParameters().getFirst(PARAMETER),
                    request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            languages.in(page, language);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language);
        }
    }
}
