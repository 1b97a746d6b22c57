package org.petitionpipeline.reporting.reports.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.petitions.PetitionRepository;
import org.petitionpipeline.reporting.access.AdminAccessFilter;

/**
 * Organizers' delivery reports of a petition (bearer token, see {@link AdminAccessFilter}): the signer list as CSV,
 * its manifest, and the PDF for the target. {@code as_of} (default now) and {@code region} choose the report.
 */
@Path("/api/admin/petitions/{slug}")
@Blocking
public class DeliveryReportResource {

    private final ReportResponses responses;
    private final PetitionRepository petitions;
    private final AuditTrail audit;

    public DeliveryReportResource(ReportResponses responses, PetitionRepository petitions, AuditTrail audit) {
        this.responses = responses;
        this.petitions = petitions;
        this.audit = audit;
    }

    @GET
    @Path("report.csv")
    public Response csv(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return downloaded(slug, "report.csv", asOf, region, responses.csv(ReportRequests.scope(slug, asOf, region)));
    }

    @GET
    @Path("report.pdf")
    public Response pdf(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return downloaded(slug, "report.pdf", asOf, region, responses.pdf(ReportRequests.scope(slug, asOf, region)));
    }

    @GET
    @Path("report.manifest.json")
    public Response manifest(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return downloaded(slug, "report.manifest.json", asOf, region, responses.manifest(ReportRequests.scope(slug, asOf, region)));
    }

    /* Who took which signer list, as of when: the audit log's record of every copy that left the service. */
    private Response downloaded(String slug, String file, String asOf, String region, Response response) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("file", file);
        detail.put("as_of", asOf == null ? "now" : asOf);
        if (region != null) {
            detail.put("region", region);
        }
        audit.succeeded(AuditAction.REPORT_DOWNLOAD, petitions.organizationOf(slug).orElse(null), slug, detail);
        return response;
    }
}
