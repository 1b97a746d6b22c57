package org.petitionpipeline.reporting.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.access.ConsolePages;

/**
 * An organization's audit log in the organizer console, for its owners: the ops page's entries and paging, read as
 * the admin API reads them ({@link AuditReader}), so a viewer or editor gets 403 and an outsider 404 here too.
 */
@Path("/console/organizations/{organization}/audit")
@Produces(MediaType.TEXT_HTML)
public class OrganizationAuditConsoleResource {

    private final AuditReader reader;

    public OrganizationAuditConsoleResource(AuditReader reader) {
        this.reader = reader;
    }

    @GET
    public Response page(@PathParam("organization") String organization, @QueryParam("before") String before,
            HttpHeaders headers) {
        AuditQuery query = AuditQuery.of(organization, before, null);
        try {
            return Response.ok(AuditConsoleResource.Templates.audit("/console/organizations/" + query.organization()
                    + "/audit", query, reader.read(query))).build();
        } catch (ProblemException refused) {
            return ConsolePages.refusal(headers.getAcceptableMediaTypes(), refused);
        }
    }
}
