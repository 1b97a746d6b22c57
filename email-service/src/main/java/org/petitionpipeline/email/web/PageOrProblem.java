package org.petitionpipeline.email.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.petitionpipeline.kit.Outages;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * The answers of the unsubscribe and confirmation pages. People arrive with a browser or a mail client, so HTML is the default;
 * a client that asks for JSON first gets the same refusal as RFC 9457 problem+json. Every answer is kept out
 * of caches and frames, and sends no referrer: the address bar holds the token.
 */
public final class PageOrProblem {

    private static final int RETRY_AFTER_SECONDS = 5;
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private PageOrProblem() {
    }

    public static Response page(TemplateInstance page) {
        return withPageHeaders(Response.ok(page, MediaType.TEXT_HTML_TYPE)).build();
    }

    public static Response refusal(HttpHeaders request, Response.Status status, TemplateInstance page, String detail) {
        Response.ResponseBuilder answer = Response.status(status);
        if (wantsJson(request.getAcceptableMediaTypes())) {
            answer.type(Problem.MEDIA_TYPE).entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
        } else {
            answer.type(MediaType.TEXT_HTML_TYPE).entity(page);
        }
        return withPageHeaders(answer).build();
    }

    /** A link's token refused: 410 for a genuine one past its lifetime, 400 for anything else. */
    public static Response refusal(HttpHeaders request, SignedTokens.Verdict verdict, TemplateInstance expiredPage,
            String expiredDetail, TemplateInstance invalidPage, String invalidDetail) {
        return verdict == SignedTokens.Verdict.EXPIRED
                ? refusal(request, Response.Status.GONE, expiredPage, expiredDetail)
                : refusal(request, Response.Status.BAD_REQUEST, invalidPage, invalidDetail);
    }

    /**
     * Makes a change and answers with its page; while the database is away, a 503 page (or problem) asks to try
     * again in a moment, nothing having changed.
     */
    public static Response unlessDatabaseDown(HttpHeaders request, TemplateInstance unavailablePage, String detail,
            Supplier<Response> change) {
        try {
            return change.get();
        } catch (RuntimeException failure) {
            if (!Outages.isDatabaseUnavailable(failure)) {
                throw failure;
            }
            return Response.fromResponse(refusal(request, Response.Status.SERVICE_UNAVAILABLE, unavailablePage, detail))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }

    private static boolean wantsJson(List<MediaType> acceptable) {
        MediaType preferred = acceptable.get(0);
        return !preferred.isWildcardType() && (preferred.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || preferred.isCompatible(PROBLEM));
    }

    private static Response.ResponseBuilder withPageHeaders(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Frame-Options", "DENY");
    }
}
