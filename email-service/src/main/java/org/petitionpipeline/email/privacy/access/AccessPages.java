package org.petitionpipeline.email.privacy.access;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.i18n.PageLanguageFilter;
import org.petitionpipeline.email.privacy.AddressForm;
import org.petitionpipeline.email.web.PersonTokens;
import org.petitionpipeline.email.web.SignedLinkPage;

/**
 * A person downloads their data themselves: they type their address, a link is mailed to it, and the link's page
 * collects everything every service holds about them and shows it, as HTML and as JSON. What the form answers never
 * says whether we knew the address.
 * <p>
 * Unlike the erasure link, a GET does the work here: it changes no personal data, only starts (once per link) a
 * collection whose result only the link's holder can see, so a link scanner following it does no harm, and the page
 * can reload itself until every service has answered, without JavaScript.
 */
@Path(AccessPages.PATH)
public class AccessPages {

    static final String PATH = "/privacy/export";
    static final String VIEW = PATH + "/view";
    private static final int REFRESH_SECONDS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(String problem);

        static native TemplateInstance sent();

        static native TemplateInstance pending(String waitingFor, int refreshSeconds);

        static native TemplateInstance export(AccessExport export, List<ExportView.Section> sections, String jsonLink,
                LocalDate deletedOn);

        static native TemplateInstance invalid();

        static native TemplateInstance expired();

        static native TemplateInstance unavailable();
    }

    private final SignedLinkPage link = new SignedLinkPage("access", Templates::expired, Templates::invalid,
            Templates::unavailable);
    private final AccessTokens tokens;
    private final AccessService access;
    private final EmailConfig config;
    private final AddressForm form;

    public AccessPages(AccessTokens tokens, AccessService access, EmailConfig config, AddressForm form) {
        this.tokens = tokens;
        this.access = access;
        this.config = config;
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
                access::mailLink);
    }

    /**
     * The export while services are still answering (a page that reloads itself, or 202 for a JSON client), then the
     * export: HTML, or JSON for a client that asks for it or for {@code format=json} (the page's download link).
     */
    @GET
    @Path("view")
    public Response view(@QueryParam("token") String token, @QueryParam("format") String format,
            @Context HttpHeaders request) {
        PersonTokens.Check check = tokens.verify(token);
        return link.act(check.verdict(), request, () -> {
            AccessStatus status = access.openedBySigner(check.emailHash(), token);
            boolean download = "json".equals(format);
            if (status.exportDeletedAt() != null) {
                return link.gone(request);
            }
            if (!status.isComplete()) {
                return download || SignedLinkPage.wantsJson(request)
                        ? page(Response.accepted(status).type(MediaType.APPLICATION_JSON_TYPE))
                        : page(Response.ok(Templates.pending(String.join(", ", status.waitingFor()), REFRESH_SECONDS),
                                MediaType.TEXT_HTML_TYPE));
            }
            if (download) {
                return page(Response.ok(status.export(), MediaType.APPLICATION_JSON_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"my-data.json\""));
            }
            if (SignedLinkPage.wantsJson(request)) {
                return page(Response.ok(status.export(), MediaType.APPLICATION_JSON_TYPE));
            }
            return page(Response.ok(Templates.export(status.export(), ExportView.of(status.export()).sections(),
                    VIEW + "?token=" + token + "&format=json",
                    LocalDate.ofInstant(status.requestedAt().plus(config.accessExportKept()), ZoneOffset.UTC)),
                    MediaType.TEXT_HTML_TYPE));
        });
    }

    private static Response page(Response.ResponseBuilder answer) {
        return SignedLinkPage.withPageHeaders(answer).build();
    }
}
