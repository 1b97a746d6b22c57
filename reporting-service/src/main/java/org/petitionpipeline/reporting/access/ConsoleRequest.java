package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.access.ConsoleSessions.ConsoleSession;

/**
 * The console session of the request being served, if it has a live one, as {@link ConsoleAccessFilter} found it.
 * Named, so the pages' layout reads it ({@code inject:console}): the logout form's CSRF token, the navigation.
 */
@Named("console")
@RequestScoped
public class ConsoleRequest {

    private ConsoleSession session;
    private Caller caller;

    void set(ConsoleSession session, Caller caller) {
        this.session = session;
        this.caller = caller;
    }

    public Optional<ConsoleSession> session() {
        return Optional.ofNullable(session);
    }

    public boolean loggedIn() {
        return session != null;
    }

    /** The token every form of this session sends back as {@code _csrf}; empty before a login. */
    public String csrfToken() {
        return session == null ? "" : session.csrfToken();
    }

    /** Whether the session is a person's (not a deployment token's), who has an account page. */
    public boolean personal() {
        return session != null && session.accountId() != null;
    }

    /** The organizations whose people the logged-in person manages, for the navigation. */
    public List<String> ownedOrganizations() {
        if (!personal()) {
            return List.of();
        }
        return caller.roles().entrySet().stream().filter(role -> role.getValue() == OrgRole.OWNER)
                .map(Map.Entry::getKey).sorted().toList();
    }
}
