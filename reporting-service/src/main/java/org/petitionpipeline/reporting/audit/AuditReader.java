package org.petitionpipeline.reporting.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;

/**
 * Reads a page of the audit log for the current caller, as {@link AuditReadPolicy} decides, for the API and the
 * consoles alike: each answers a refusal in its own way, but with the same status and words. A refused read is itself
 * an entry of the organization's log.
 */
@ApplicationScoped
public class AuditReader {

    private final AuditLog log;
    private final CurrentCaller currentCaller;
    private final AuditTrail trail;

    public AuditReader(AuditLog log, CurrentCaller currentCaller, AuditTrail trail) {
        this.log = log;
        this.currentCaller = currentCaller;
        this.trail = trail;
    }

    AuditPage read(AuditQuery query) {
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
