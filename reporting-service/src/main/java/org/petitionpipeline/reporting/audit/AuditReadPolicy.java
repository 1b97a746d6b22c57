package org.petitionpipeline.reporting.audit;

import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;

/**
 * Who reads which part of the audit log: a platform operator all of it, or one organization's; anyone else one
 * organization they own.
 */
final class AuditReadPolicy {

    enum Verdict {
        ALLOWED,
        /** Only a platform operator reads the whole log; anyone else names an organization. */
        ORGANIZATION_REQUIRED,
        /** Answered as if the organization did not exist: an outsider learns no slug is taken. */
        NOT_A_MEMBER,
        /** A member learns why: they can ask an owner. */
        NOT_AN_OWNER
    }

    private AuditReadPolicy() {
    }

    static Verdict judge(Caller caller, AuditQuery query) {
        if (caller.platformOperator()) {
            return Verdict.ALLOWED;
        }
        if (query.organization() == null) {
            return Verdict.ORGANIZATION_REQUIRED;
        }
        if (caller.roleIn(query.organization()).isEmpty()) {
            return Verdict.NOT_A_MEMBER;
        }
        return caller.may(query.organization(), OrgRole.OWNER) ? Verdict.ALLOWED : Verdict.NOT_AN_OWNER;
    }
}
