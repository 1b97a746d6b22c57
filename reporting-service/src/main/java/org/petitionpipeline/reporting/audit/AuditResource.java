package org.petitionpipeline.reporting.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;

/**
 * The audit log, newest first, a page at a time ({@code before} the last page's {@code next_before}); who reads what is
 * {@link AuditReadPolicy}'s. A refused read is itself an entry of the organization's log.
 */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;
    private final CurrentCaller currentCaller;
    private final AuditTrail trail;

    public AuditResource(AuditLog log, CurrentCaller currentCaller, AuditTrail trail) {
        this.log = log;
        this.currentCaller = currentCaller;
        this.trail = trail;
    }

    @GET
    public AuditPage read(@QueryParam("organization") String organization, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        AuditQuery query = AuditQuery.of(organization, before, limit);
        Caller caller = currentCaller.get();
        return switch (AuditReadPolicy.judge(caller, query)) {
            case ALLOWED -> log.page(query);
            case ORGANIZATION_REQUIRED -> throw ProblemException.unprocessable("the audit log cannot be read as asked",
                    Map.of("organization", "must name an organization you own; only platform operators read the "
                            + "whole log"));
            case NOT_A_MEMBER -> throw refused(query,
                    ProblemException.notFound("you belong to no organization '" + query.organization() + "'"));
            case NOT_AN_OWNER -> throw refused(query, ProblemException.forbidden("only owners of '"
                    + query.organization() + "' read its audit log, and your role there is "
                    + caller.roleIn(query.organization()).map(OrgRole::label).orElseThrow() + ": ask one of its owners"));
        };
    }

    private ProblemException refused(AuditQuery query, ProblemException answer) {
        return trail.refused(query.organization(), "audit-log", answer);
    }
}
