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
    /** A console login, with a password or one of the deployment's tokens; the target is the session. */
    LOGIN_SUCCESS("login.success"),
    /** A refused login: the actor is the account the typed address names, or "unknown" (nothing typed is kept). */
    LOGIN_FAILURE("login.failure"),
    LOGOUT("logout"),
    /** A console session ended by its person from the account page, not by logging out in it. */
    SESSION_REVOKE("session.revoke"),
    /** A new password; the account's other console sessions end with it. */
    PASSWORD_SET("password.set"),
    /** A request refused for want of a role; the entry's target names what was asked for. */
    ACCESS_DENIED("access.denied"),
    WEBHOOK_CREATE("webhook.create"),
    WEBHOOK_DELETE("webhook.delete"),
    /** A webhook endpoint's new signing secret; the target is the endpoint's id. */
    WEBHOOK_ROTATE("webhook.rotate"),
    WEBHOOK_ENABLE("webhook.enable");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
