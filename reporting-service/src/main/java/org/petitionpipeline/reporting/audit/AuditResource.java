package org.petitionpipeline.reporting.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.identity.Caller;
import org.petitionpipeline.reporting.identity.CurrentCaller;
import org.petitionpipeline.reporting.identity.OrgRole;

/**
 * The audit log, newest first, a page at a time ({@code before} the last page's {@code next_before}); who reads what is
 * {@link AuditReadPolicy}'s. A refused read is itself an entry of the organization's log.
 */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;
    private final CurrentCaller currentCaller;

    public AuditResource(AuditLog log, CurrentCaller currentCaller) {
        this.log = log;
        this.currentCaller = currentCaller;
    }

    @GET
    public AuditPage read(@QueryParam("organization") String organization, @QueryParam("before") String before,
            @QueryParam("limit") String limit, @Context HttpServerRequest request) {
        AuditQuery query = AuditQuery.of(organization, before, limit);
        Caller caller = currentCaller.get();
        return switch (AuditReadPolicy.judge(caller, query)) {
            case ALLOWED -> log.page(query);
            case ORGANIZATION_REQUIRED -> throw ProblemException.unprocessable("the audit log cannot be read as asked",
                    Map.of("organization", "must name an organization you own; only platform operators read the "
                            + "whole log"));
            case NOT_A_MEMBER -> throw refused(caller, query, request,
                    ProblemException.notFound("you belong to no organization '" + query.organization() + "'"));
            case NOT_AN_OWNER -> throw refused(caller, query, request, new ProblemException(Problem.of(403,
                    "Forbidden", "only owners of '" + query.organization() + "' read its audit log, and your role "
                            + "there is " + caller.roleIn(query.organization()).map(OrgRole::label).orElseThrow()
                            + ": ask one of its owners")));
        };
    }

    private ProblemException refused(Caller caller, AuditQuery query, HttpServerRequest request,
            ProblemException answer) {
        log.record(caller, AuditAction.ACCESS_DENIED, query.organization(), "audit-log", AuditOutcome.DENIED,
                Map.of("status", String.valueOf(answer.getResponse().getStatus())),
                request.remoteAddress().hostAddress());
        return answer;
    }
}
