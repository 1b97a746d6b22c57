package org.petitionpipeline.reporting.reports.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.reporting.access.AdminAccessFilter;

/**
 * Organizers' delivery reports of a petition (bearer token, see {@link AdminAccessFilter}): the signer list as CSV,
 * its manifest, and the PDF for the target. {@code as_of} (default now) and {@code region} choose the report.
 */
@Path("/api/admin/petitions/{slug}")
@Blocking
public class DeliveryReportResource {

    private final ReportResponses responses;

    public DeliveryReportResource(ReportResponses responses) {
        this.responses = responses;
    }

    @GET
    @Path("report.csv")
    public Response csv(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return responses.csv(ReportRequests.scope(slug, asOf, region));
    }

    @GET
    @Path("report.pdf")
    public Response pdf(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return responses.pdf(ReportRequests.scope(slug, asOf, region));
    }

    @GET
    @Path("report.manifest.json")
    public Response manifest(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region) {
        return responses.manifest(ReportRequests.scope(slug, asOf, region));
    }
}
