package org.petitionpipeline.reporting.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;

/**
 * The two consoles, and the deployment's token that opens each. A login with one of these tokens opens its own
 * console only: organizers' pages lead to delivery reports that name signers, which ops do not need, and ops' pages
 * show the pipeline's internals, which organizers do not. (A person's login opens the organizer console, and the ops
 * console if they are a platform operator: see {@link ConsoleAccessFilter}.)
 */
public enum ConsoleRole {

    ORGANIZER("/console", "REPORTING_ADMIN_TOKEN"),
    OPS("/ops", "REPORTING_OPS_TOKEN");

    /** The organization every petition made before organizations belongs to, owned by the organizer token. */
    static final String LEGACY_ORGANIZATION = "default";

    /* The single sign-on page is opened by the identity provider's login (SsoLoginResource), not by a session. */
    private static final Set<String> OPEN_PAGES = Set.of("/console/login", "/console/logout", "/console/sso/login");

    private final String home;
    private final String variable;

    ConsoleRole(String home, String variable) {
        this.home = home;
        this.variable = variable;
    }

    /** The console's first page, and the prefix of every page of it. */
    public String home() {
        return home;
    }

    /** The environment variable that configures this role's token. */
    public String variable() {
        return variable;
    }

    /**
     * Who the deployment's token of this role stands for, named in the audit log by its variable: the organizer token
     * for a platform operator owning {@value #LEGACY_ORGANIZATION}; the ops token for a platform operator of no
     * organization (held signatures, invalidations, erasures; no signer list).
     */
    public Caller caller() {
        return new Caller(null, variable, true,
                this == ORGANIZER ? Map.of(LEGACY_ORGANIZATION, OrgRole.OWNER) : Map.of());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role a console page needs; empty for every other path, and for the login, logout and single sign-on
     * pages.
     */
    public static Optional<ConsoleRole> guarding(String path) {
        if (OPEN_PAGES.contains(path)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(role -> role.covers(path)).findFirst();
    }

    /** Whether a path is a page (or a form, or a page's data) of either console, login and logout included. */
    public static boolean isConsolePath(String path) {
        return Arrays.stream(values()).anyMatch(role -> role.covers(path));
    }

    private boolean covers(String path) {
        return path.equals(home) || path.startsWith(home + "/");
    }

    public static Optional<ConsoleRole> ofLabel(String label) {
        for (ConsoleRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
