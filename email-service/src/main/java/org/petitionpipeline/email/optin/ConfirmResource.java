package org.petitionpipeline.email.optin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.email.web.PageOrProblem;
import org.petitionpipeline.kit.tokens.SignedTokens;

/**
 * Double opt-in. GET only shows a button: corporate link scanners and previews open every link in a mail, and
 * must not confirm a signature nobody looked at. POST confirms; confirming again shows the same page.
 */
@Path("/confirm")
public class ConfirmResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token);

        static native TemplateInstance done();

        static native TemplateInstance invalid();

        static native TemplateInstance expired();

        static native TemplateInstance unavailable();
    }

    private static final String INVALID = "this confirmation link is not valid; open it again from the email, without changing it";

    private final ConfirmationTokens tokens;
    private final ConfirmationService confirmations;

    public ConfirmResource(ConfirmationTokens tokens, ConfirmationService confirmations) {
        this.tokens = tokens;
        this.confirmations = confirmations;
    }

    @GET
    public Response show(@QueryParam("token") String token, @Context HttpHeaders request) {
        ConfirmationTokens.Check check = tokens.verify(token);
        return check.verdict() == SignedTokens.Verdict.VALID
                ? PageOrProblem.page(Templates.confirm(token))
                : refusal(check, request);
    }

    /** Takes any body: the button sends an empty form, and nothing in it is needed. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response confirm(@QueryParam("token") String token, @Context HttpHeaders request) {
        ConfirmationTokens.Check check = tokens.verify(token);
        if (check.verdict() != SignedTokens.Verdict.VALID) {
            return refusal(check, request);
        }
        return PageOrProblem.unlessDatabaseDown(request, Templates.unavailable(),
                "we could not record your confirmation just now; please try again in a moment", () ->
                        // a genuine token for a signature we asked nothing of: nothing to confirm, as for an altered link
                        confirmations.confirm(check.signatureId()) == ConfirmationRepository.Result.UNKNOWN
                                ? PageOrProblem.refusal(request, Response.Status.BAD_REQUEST, Templates.invalid(), INVALID)
                                : PageOrProblem.page(Templates.done()));
    }

    private static Response refusal(ConfirmationTokens.Check check, HttpHeaders request) {
        return PageOrProblem.refusal(request, check.verdict(),
                Templates.expired(), "this confirmation link has expired; use the link in a newer email from us",
                Templates.invalid(), INVALID);
    }
}
