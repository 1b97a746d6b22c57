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
import org.petitionpipeline.email.web.SignedLinkPage;

/**
 * Double opt-in: the link in the confirmation mail. GET shows a button (a link scanner must not confirm a signature
 * nobody looked at), POST confirms; confirming again shows the same page.
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

    private final SignedLinkPage page = new SignedLinkPage("confirmation", Templates::confirm, Templates::done,
            Templates::expired, Templates::invalid, Templates::unavailable);
    private final ConfirmationTokens tokens;
    private final ConfirmationService confirmations;

    public ConfirmResource(ConfirmationTokens tokens, ConfirmationService confirmations) {
        this.tokens = tokens;
        this.confirmations = confirmations;
    }

    @GET
    public Response show(@QueryParam("token") String token, @Context HttpHeaders request) {
        return page.show(tokens.verify(token).verdict(), token, request);
    }

    /** Takes any body: the button sends an empty form, and nothing in it is needed. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response confirm(@QueryParam("token") String token, @Context HttpHeaders request) {
        ConfirmationTokens.Check check = tokens.verify(token);
        return page.act(check.verdict(), request, () ->
                // a genuine token for a signature we asked nothing of: nothing to confirm, as for an altered link
                confirmations.confirm(check.signatureId()) == ConfirmationRepository.Result.UNKNOWN
                        ? page.invalid(request)
                        : page.done());
    }
}
