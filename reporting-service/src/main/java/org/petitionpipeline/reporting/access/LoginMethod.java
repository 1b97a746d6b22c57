package org.petitionpipeline.reporting.access;

import java.util.Locale;

/** How a console session was opened: kept with the session, named in its login's audit entry. */
public enum LoginMethod {

    PASSWORD,
    /** One of the deployment's tokens pasted (see {@link ConsoleRole}). */
    TOKEN,
    /** Single sign-on at the organization's identity provider (see {@link SsoLoginResource}). */
    SSO;

    /** As stored in {@code console_session.via} and written in the audit log. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LoginMethod ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
