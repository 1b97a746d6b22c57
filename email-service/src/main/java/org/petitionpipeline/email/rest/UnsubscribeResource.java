package org.petitionpipeline.email.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.email.service.SubscriptionService;
import org.petitionpipeline.email.service.UnsubscribeTokens;

/**
 * One-click unsubscribe. GET only shows a button: link scanners and previews follow GETs, and must not
 * unsubscribe anyone. POST unsubscribes, from that button or from a mail client's RFC 8058 one-click request
 * (body {@code List-Unsubscribe=One-Click}, no cookies), and answers 200 without a redirect.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token);

        static native TemplateInstance done();

        static native TemplateInstance invalid();
    }

    private final UnsubscribeTokens tokens;
    private final SubscriptionService subscriptions;

    public UnsubscribeResource(UnsubscribeTokens tokens, SubscriptionService subscriptions) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
    }

    @GET
    public Response confirm(@QueryParam("token") String token) {
        return tokens.verify(token)
                .map(emailHash -> Response.ok(Templates.confirm(token)))
                .orElseGet(UnsubscribeResource::invalidToken)
                .build();
    }

    @POST
    public Response unsubscribe(@QueryParam("token") String token) {
        return tokens.verify(token)
                .map(emailHash -> {
                    subscriptions.unsubscribe(emailHash, "unsubscribe-link");
                    return Response.ok(Templates.done());
                })
                .orElseGet(UnsubscribeResource::invalidToken)
                .build();
    }

    private static Response.ResponseBuilder invalidToken() {
        return Response.status(Response.Status.BAD_REQUEST).entity(Templates.invalid());
    }
}
