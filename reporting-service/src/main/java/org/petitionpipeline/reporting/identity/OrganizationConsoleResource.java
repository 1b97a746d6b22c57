package org.petitionpipeline.reporting.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.access.ConsolePages;
import org.petitionpipeline.reporting.identity.Memberships.MemberView;

/**
 * An organization's people in the organizer console, for its owners ({@link Memberships}, as the admin API): add
 * someone with a role, change a role, remove someone. A new person's first API token is shown on the page this once.
 */
@Path("/console/organizations/{organization}")
@Produces(MediaType.TEXT_HTML)
public class OrganizationConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organization(String organization, List<MemberView> members, MemberView added,
                String problem);
    }

    private final Memberships memberships;

    public OrganizationConsoleResource(Memberships memberships) {
        this.memberships = memberships;
    }

    @GET
    public TemplateInstance page(@PathParam("organization") String organization) {
        return Templates.organization(organization, memberships.members(organization), null, null);
    }

    /** Adds someone, or (the same form on a member's row) gives a member another role. */
    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("organization") String organization, @FormParam("email") String email,
            @FormParam("role") String role) {
        try {
            MemberView added = memberships.add(organization, email, role);
            return Response.ok(Templates.organization(organization, memberships.members(organization), added, null))
                    .build();
        } catch (ProblemException refused) {
            return again(organization, refused);
        }
    }

    @POST
    @Path("/members/{account}/remove")
    public Response remove(@PathParam("organization") String organization, @PathParam("account") UUID account) {
        try {
            memberships.remove(organization, account);
            return Response.seeOther(URI.create("/console/organizations/" + organization)).build();
        } catch (ProblemException refused) {
            return again(organization, refused);
        }
    }

    /* The page again with what was wrong; someone who may not manage the organization is refused as before. */
    private Response again(String organization, ProblemException refused) {
        return Response.status(refused.getResponse().getStatus()).entity(Templates.organization(organization,
                memberships.members(organization), null, ConsolePages.said(refused))).build();
    }
}
