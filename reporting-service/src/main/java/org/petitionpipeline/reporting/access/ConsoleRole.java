package org.petitionpipeline.reporting.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open which console. Each role opens its own console only: organizers' pages lead to delivery reports
 * that name signers, which ops do not need, and ops' pages show the pipeline's internals, which organizers do not.
 */
public enum ConsoleRole {

    ORGANIZER("/console", "REPORTING_ADMIN_TOKEN"),
    OPS("/ops", "REPORTING_OPS_TOKEN");

    private static final Set<String> OPEN_PAGES = Set.of("/console/login", "/console/logout");

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

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a console page needs; empty for every other path, and for the login and logout pages. */
    public static Optional<ConsoleRole> guarding(String path) {
        if (OPEN_PAGES.contains(path)) {
            return Optional.empty();
        }
        for (ConsoleRole role : values()) {
            if (path.equals(role.home) || path.startsWith(role.home + "/")) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
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
