package org.petitionpipeline.reporting.petitions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.reporting.identity.Caller;
import org.petitionpipeline.reporting.identity.OrgRole;

/** Which organization owns a petition: chosen when it is made, and kept for good. */
@ApplicationScoped
public class PetitionOwnership {

    private static final String FIELD = "organization";

    /**
     * The organization a new petition goes to: the one the request names, which the caller must be an editor of,
     * else the caller's only organization they edit in.
     */
    public String forNewPetition(Caller caller, String requested) {
        if (requested != null) {
            if (caller.may(requested, OrgRole.EDITOR)) {
                return requested;
            }
            if (caller.roleIn(requested).isPresent()) {
                throw ProblemException.forbidden("your role in organization '" + requested + "' is "
                        + caller.roleIn(requested).get().label() + "; making petitions needs editor");
            }
            throw ProblemException.unprocessable("you are no member of organization '" + requested + "'",
                    Map.of(FIELD, "name an organization you are an editor of"));
        }
        List<String> editable = caller.roles().entrySet().stream()
                .filter(role -> role.getValue().includes(OrgRole.EDITOR)).map(Map.Entry::getKey).sorted().toList();
        if (editable.size() == 1) {
            return editable.get(0);
        }
        if (editable.isEmpty()) {
            throw ProblemException.forbidden("you are an editor of no organization: an owner can make you one");
        }
        throw ProblemException.unprocessable("you edit petitions of several organizations: say which one owns this",
                Map.of(FIELD, "one of " + String.join(", ", editable)));
    }

    /** Refuses an update that would move the petition to another organization. */
    public void requireUnchanged(String current, String requested) {
        if (requested != null && !requested.equals(current)) {
            throw ProblemException.unprocessable("a petition stays with the organization that made it",
                    Map.of(FIELD, "leave it out, or give '" + current + "'"));
        }
    }
}
