package org.petitionpipeline.email.unsubscribe;

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
import java.util.Arrays;
import org.petitionpipeline.email.people.SubscriptionService;
import org.petitionpipeline.email.web.SignedLinkPage;

/**
 * One-click unsubscribe. GET only shows a button: link scanners and previews follow GETs, and must not
 * unsubscribe anyone. POST unsubscribes, from that button or from a mail client's RFC 8058 one-click request
 * (body {@code List-Unsubscribe=One-Click}, no cookies), and answers 200 without a redirect (RFC 8058 §3.2:
 * a client need not follow one). Neither sets a cookie.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token);

        static native TemplateInstance done();

        static native TemplateInstance invalid();

        static native TemplateInstance expired();

        static native TemplateInstance unavailable();
    }

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final SignedLinkPage page = new SignedLinkPage("unsubscribe", Templates::confirm, Templates::done,
            Templates::expired, Templates::invalid, Templates::unavailable);
    private final UnsubscribeTokens tokens;
    private final SubscriptionService subscriptions;

    public UnsubscribeResource(UnsubscribeTokens tokens, SubscriptionService subscriptions) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
    }

    @GET
    public Response confirm(@QueryParam("token") String token, @Context HttpHeaders request) {
        return page.show(tokens.verify(token).verdict(), token, request);
    }

    /** Takes any body: the one-click body is a form, the button's is empty, and neither is needed. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response unsubscribe(@QueryParam("token") String token, String body, @Context HttpHeaders request) {
        UnsubscribeTokens.Check check = tokens.verify(token);
        return page.act(check.verdict(), request, () -> {
            subscriptions.unsubscribe(check.emailHash(), isOneClick(body) ? "one-click" : "unsubscribe-page");
            return page.done();
        });
    }

    private static boolean isOneClick(String body) {
        return body != null && Arrays.asList(body.strip().split("&")).contains(ONE_CLICK);
    }
}
