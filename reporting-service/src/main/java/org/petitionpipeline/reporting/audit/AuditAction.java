package org.petitionpipeline.reporting.audit;

/**
 * What an audit entry records, stored as its dotted {@link #label()}. Labels are what readers of the log filter on
 * and old entries keep: add actions, never rename one.
 */
public enum AuditAction {

    PETITION_CREATE("petition.create"),
    PETITION_UPDATE("petition.update"),
    PETITION_CLOSE("petition.close"),
    REPORT_DOWNLOAD("report.download"),
    ORGANIZATION_CREATE("organization.create"),
    MEMBER_ADD("member.add"),
    MEMBER_REMOVE("member.remove"),
    TOKEN_CREATE("token.create"),
    TOKEN_REVOKE("token.revoke"),
    /** A request refused for want of a role; the entry's target names what was asked for. */
    ACCESS_DENIED("access.denied");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
