package org.petitionpipeline.reporting.access;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.petitionpipeline.kit.http.Problem;

/**
 * Answers of the console pages: HTML for a browser, and the same refusal as problem+json for a client that asks for
 * JSON (the pages' own scripts do).
 */
final class ConsolePages {

    /* Only this service's own scripts and styles: no CDN, no inline script, nothing framed. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    private ConsolePages() {
    }

    static Response refusal(List<MediaType> acceptable, Response.Status status, TemplateInstance page, String detail) {
        Response.ResponseBuilder answer = Response.status(status);
        if (wantsJson(acceptable)) {
            answer.type(Problem.MEDIA_TYPE).entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
        } else {
            answer.type(MediaType.TEXT_HTML_TYPE).entity(page);
        }
        return answer.build();
    }

    private static boolean wantsJson(List<MediaType> acceptable) {
        MediaType preferred = acceptable.isEmpty() ? MediaType.WILDCARD_TYPE : acceptable.get(0);
        return !preferred.isWildcardType() && (preferred.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || preferred.isCompatible(PROBLEM));
    }
}
