package org.petitionpipeline.email.privacy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.email.i18n.PageLanguageFilter;
import org.petitionpipeline.email.web.SignedLinkPage;

/**
 * A person erases their data themselves: the "delete my data" link of every mail and of the privacy notice leads here.
 * They type their address; a link is mailed to it; the link's page shows a button (link scanners follow GETs and must
 * erase nothing), and its POST erases. What this page answers never says whether we knew the address.
 */
@Path("/privacy/erase")
public class ErasurePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(String problem);

        static native TemplateInstance sent();

        static native TemplateInstance confirm(String token);

        static native TemplateInstance done();

        static native TemplateInstance invalid();

        static native TemplateInstance expired();

        static native TemplateInstance unavailable();
    }

    private final SignedLinkPage link = new SignedLinkPage("erasure", Templates::confirm, Templates::done,
            Templates::expired, Templates::invalid, Templates::unavailable);
    private final ErasureTokens tokens;
    private final ErasureService erasures;
    private final AddressForm form;

    public ErasurePages(ErasureTokens tokens, ErasureService erasures, AddressForm form) {
        this.tokens = tokens;
        this.erasures = erasures;
        this.form = form;
    }

    @GET
    public Response form() {
        return SignedLinkPage.withPageHeaders(Response.ok(Templates.request(null), MediaType.TEXT_HTML_TYPE)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("email") String email, @QueryParam(PageLanguageFilter.PARAMETER) String lang,
            @Context HttpHeaders request, @Context HttpServerRequest client) {
        return form.ask(email, lang, client.remoteAddress().hostAddress(), request, Templates::request, Templates::sent,
                erasures::mailConfirmationLink);
    }

    @GET
    @Path("confirm")
    public Response show(@QueryParam("token") String token, @Context HttpHeaders request) {
        return link.show(tokens.verify(token).verdict(), token, request);
    }

    /** Takes any body: the button sends an empty form. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.WILDCARD)
    public Response erase(@QueryParam("token") String token, @Context HttpHeaders request) {
        ErasureTokens.Check check = tokens.verify(token);
        return link.act(check.verdict(), request, () -> {
            erasures.confirmBySigner(check.emailHash(), token);
            return link.done();
        });
    }
}
