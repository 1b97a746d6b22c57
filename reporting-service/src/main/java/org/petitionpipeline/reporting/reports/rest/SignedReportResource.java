package org.petitionpipeline.reporting.reports.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.service.ReportLinks;

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
    public Response csv(@BeanParam SignedReportLink link) {
        return responses.csv(signed(link));
    }

    @GET
    @Path("report.pdf")
    public Response pdf(@BeanParam SignedReportLink link) {
        return responses.pdf(signed(link));
    }

    @GET
    @Path("report.manifest.json")
    public Response manifest(@BeanParam SignedReportLink link) {
        return responses.manifest(signed(link));
    }

    private ReportScope signed(SignedReportLink link) {
        ReportScope scope = new ReportScope(link.slug, link.region == null ? null : link.region.toUpperCase(Locale.ROOT),
                ReportRequests.parse(link.asOf == null ? "" : link.asOf).orElseThrow(SignedReportResource::notOurs));
        return switch (links.verify(scope, epochSeconds(link.expires), link.signature)) {
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
