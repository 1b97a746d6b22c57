package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditTrail;

/**
 * The check of an API under {@code /api/admin/organizations/{org}/}: the caller needs a role in the organization. As
 * for petitions, an organization the caller has no part in is not there for them (404), so nobody learns another
 * organization's slug; a member with too small a role gets 403. Each refusal goes into the audit log.
 */
@ApplicationScoped
public class OrganizationRoles {

    private final CurrentCaller caller;
    private final AuditTrail audit;

    public OrganizationRoles(CurrentCaller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** @param what what the caller asked for, as the audit log's target and the refusal name it ("members") */
    public void require(String organization, OrgRole needed, String what) {
        Caller who = caller.get();
        if (who.may(organization, needed)) {
            return;
        }
        if (who.roleIn(organization).isEmpty()) {
            throw audit.refused(organization, what, ProblemException.notFound("there is no organization '"
                    + organization + "'"));
        }
        throw audit.refused(organization, what, ProblemException.forbidden("your role in organization '"
                + organization + "' is " + who.roleIn(organization).orElseThrow().label() + "; its " + what
                + " need " + needed.label()));
    }
}
