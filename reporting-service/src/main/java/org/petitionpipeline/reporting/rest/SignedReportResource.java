package org.petitionpipeline.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.petitionpipeline.contracts.http.Problem;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.reporting.repository.ReportScope;
import org.petitionpipeline.reporting.service.ReportLinks;

/**
 * The delivery reports mailed to organizers at milestones, reached by a signed, expiring link instead of the token
 * (see {@link ReportLinks}): the link's signature opens the CSV, the PDF and the manifest of the report it names.
 */
@Path("/api/reports/{slug}")
@Blocking
public class SignedReportResource {

    private final ReportLinks links;
    private final ReportResponses responses;

    public SignedReportResource(ReportLinks links, ReportResponses responses) {
        this.links = links;
        this.responses = responses;
    }

    @GET
    @Path("report.csv")
    public Response csv(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region, @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        return responses.csv(signed(slug, asOf, region, expires, signature));
    }

    @GET
    @Path("report.pdf")
    public Response pdf(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region, @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        return responses.pdf(signed(slug, asOf, region, expires, signature));
    }

    @GET
    @Path("report.manifest.json")
    public Response manifest(@PathParam("slug") String slug, @QueryParam("as_of") String asOf,
            @QueryParam("region") String region, @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        return responses.manifest(signed(slug, asOf, region, expires, signature));
    }

    private ReportScope signed(String slug, String asOf, String region, String expires, String signature) {
        ReportScope scope = new ReportScope(slug, region == null ? null : region.toUpperCase(Locale.ROOT),
                ReportRequests.parse(asOf == null ? "" : asOf).orElseThrow(SignedReportResource::notOurs));
        return switch (links.verify(scope, epochSeconds(expires), signature)) {
            case VALID -> scope;
            case EXPIRED -> throw new ProblemException(Problem.of(410, "Gone",
                    "this report link has expired; ask the petition's organizers for a new one"));
            case INVALID -> throw notOurs();
        };
    }

    private static long epochSeconds(String expires) {
        try {
            return Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    private static ProblemException notOurs() {
        return new ProblemException(Problem.of(403, "Forbidden",
                "this report link is not one we issued, or it was changed; use the link exactly as mailed"));
    }
}
