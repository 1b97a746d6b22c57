package org.petitionpipeline.email.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.petitionpipeline.kit.Outages;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * The page behind a signed link in a mail (confirm a signature, unsubscribe). GET only shows a button: corporate
 * link scanners and previews open every link in a mail and must change nothing. POST makes the change.
 * <p>
 * People arrive with a browser or a mail client, so HTML is the default; a client that asks for JSON first gets
 * the same refusal as RFC 9457 problem+json. Every answer is kept out of caches and frames, and sends no
 * referrer: the address bar holds the token.
 */
public final class SignedLinkPage {

    private static final int RETRY_AFTER_SECONDS = 5;
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final String action;
    private final Function<String, TemplateInstance> button;
    private final Supplier<TemplateInstance> done;
    private final Supplier<TemplateInstance> expired;
    private final Supplier<TemplateInstance> invalid;
    private final Supplier<TemplateInstance> unavailable;

    /**
     * @param action what the link does, as a noun for its messages ("confirmation", "unsubscribe")
     * @param button the GET page, whose button posts the token back
     */
    public SignedLinkPage(String action, Function<String, TemplateInstance> button, Supplier<TemplateInstance> done,
            Supplier<TemplateInstance> expired, Supplier<TemplateInstance> invalid,
            Supplier<TemplateInstance> unavailable) {
        this.action = action;
        this.button = button;
        this.done = done;
        this.expired = expired;
        this.invalid = invalid;
        this.unavailable = unavailable;
    }

    /**
     * For a link whose GET is its whole use, because following it changes no personal data (a scanner following it
     * does no harm): no button and no done page, only {@link #act} and the refusals.
     */
    public SignedLinkPage(String action, Supplier<TemplateInstance> expired, Supplier<TemplateInstance> invalid,
            Supplier<TemplateInstance> unavailable) {
        this(action, null, null, expired, invalid, unavailable);
    }

    /** GET: the button for a valid token; a refusal otherwise. */
    public Response show(SignedTokens.Verdict verdict, String token, HttpHeaders request) {
        return verdict == SignedTokens.Verdict.VALID ? page(button.apply(token)) : refusal(verdict, request);
    }

    /**
     * POST: for a valid token, makes the change and answers with its page; while the database is away, a 503
     * asks to try again in a moment, nothing having changed.
     */
    public Response act(SignedTokens.Verdict verdict, HttpHeaders request, Supplier<Response> change) {
        if (verdict != SignedTokens.Verdict.VALID) {
            return refusal(verdict, request);
        }
        try {
            return change.get();
        } catch (RuntimeException failure) {
            if (!Outages.isDatabaseUnavailable(failure)) {
                throw failure;
            }
            return Response.fromResponse(refusal(request, Response.Status.SERVICE_UNAVAILABLE, unavailable.get(),
                    "we could not record your " + action + " just now; please try again in a moment"))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }

    public Response done() {
        return page(done.get());
    }

    /** 400, as for an altered link: also for a genuine token that refers to nothing this service knows. */
    public Response invalid(HttpHeaders request) {
        return refusal(request, Response.Status.BAD_REQUEST, invalid.get(),
                "this " + action + " link is not valid; open it again from the email, without changing it");
    }

    /** 400 for a form filled in wrongly: the page (with the form again) for a browser, problem+json for a client. */
    public static Response badInput(HttpHeaders request, TemplateInstance page, String detail) {
        return refusal(request, Response.Status.BAD_REQUEST, page, detail);
    }

    /** 410, as for a link past its lifetime: also for a genuine one whose page is gone (deleted after a while). */
    public Response gone(HttpHeaders request) {
        return refusal(request, Response.Status.GONE, expired.get(),
                "this " + action + " link has expired; use the link in a newer email from us");
    }

    /** 429 with Retry-After: a client asking more often than allowed; nothing was done. */
    public static Response tooManyRequests(HttpHeaders request, TemplateInstance page, String detail,
            long retryAfterSeconds) {
        return Response.fromResponse(refusal(request, Response.Status.TOO_MANY_REQUESTS, page, detail))
                .header("Retry-After", retryAfterSeconds).build();
    }

    /** A token refused: 410 for a genuine one past its lifetime, 400 for anything else. */
    private Response refusal(SignedTokens.Verdict verdict, HttpHeaders request) {
        return verdict == SignedTokens.Verdict.EXPIRED ? gone(request) : invalid(request);
    }

    private static Response page(TemplateInstance page) {
        return withPageHeaders(Response.ok(page, MediaType.TEXT_HTML_TYPE)).build();
    }

    private static Response refusal(HttpHeaders request, Response.Status status, TemplateInstance page, String detail) {
        Response.ResponseBuilder answer = Response.status(status);
        if (wantsJson(request.getAcceptableMediaTypes())) {
            answer.type(Problem.MEDIA_TYPE).entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
        } else {
            answer.type(MediaType.TEXT_HTML_TYPE).entity(page);
        }
        return withPageHeaders(answer).build();
    }

    /** Whether the client asks for JSON first; a browser (and a mail client) gets HTML. */
    public static boolean wantsJson(HttpHeaders request) {
        return wantsJson(request.getAcceptableMediaTypes());
    }

    private static boolean wantsJson(List<MediaType> acceptable) {
        MediaType preferred = acceptable.get(0);
        return !preferred.isWildcardType() && (preferred.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || preferred.isCompatible(PROBLEM));
    }

    /** Out of caches and frames, no referrer: for every page of a mailed link, and the forms that lead to one. */
    public static Response.ResponseBuilder withPageHeaders(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Frame-Options", "DENY");
    }
}
