package org.petitionpipeline.reporting.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Answers of the console pages: HTML for a browser, and the same refusal as problem+json for a client that asks for
 * JSON (the pages' own scripts do).
 */
public final class ConsolePages {

    /* Only this service's own scripts and styles: no CDN, no inline script, nothing framed. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String message);
    }

    private ConsolePages() {
    }

    /** A refusal with nothing to do on the page but read why. */
    static Response refusal(List<MediaType> acceptable, Response.StatusType status, String detail) {
        return refusal(acceptable, status, Templates.refused(detail), detail);
    }

    /** A refusal of the admin API's (a 403, a 404) as a console page, with the same status and words. */
    public static Response refusal(List<MediaType> acceptable, ProblemException refused) {
        return refusal(acceptable, Response.Status.fromStatusCode(refused.getResponse().getStatus()), said(refused));
    }

    static Response refusal(List<MediaType> acceptable, Response.StatusType status, TemplateInstance page,
            String detail, NewCookie... cookies) {
        Response.ResponseBuilder answer = Response.status(status).cookie(cookies);
        if (wantsJson(acceptable)) {
            answer.type(Problem.MEDIA_TYPE).entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
        } else {
            answer.type(MediaType.TEXT_HTML_TYPE).entity(page);
        }
        return answer.build();
    }

    /* Secure whenever the console is reached over HTTPS; a local run on http://localhost could not log in else. */
    static NewCookie cookie(UriInfo uri, String name, String value, String path, int maxAgeSeconds) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAgeSeconds).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure("https".equals(uri.getRequestUri().getScheme())).build();
    }

    /** What a refused form is told on its page again: the problem's detail, and what each field needs. */
    public static String said(ProblemException refused) {
        Problem problem = (Problem) refused.getResponse().getEntity();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem.detail();
        }
        return problem.detail() + ": " + problem.errors().entrySet().stream()
                .map(error -> error.getKey() + ", " + error.getValue()).collect(Collectors.joining("; "));
    }

    /** The session cookie holding {@code secret}; an empty one with no life left ends it in the browser. */
    static NewCookie sessionCookie(UriInfo uri, String secret, int maxAgeSeconds) {
        return cookie(uri, ConsoleSessions.COOKIE, secret, "/", maxAgeSeconds);
    }

    private static boolean wantsJson(List<MediaType> acceptable) {
        MediaType preferred = acceptable.isEmpty() ? MediaType.WILDCARD_TYPE : acceptable.get(0);
        return !preferred.isWildcardType() && (preferred.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || preferred.isCompatible(PROBLEM));
    }
}
