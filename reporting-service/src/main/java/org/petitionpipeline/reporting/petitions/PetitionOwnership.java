package org.petitionpipeline.reporting.petitions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository.Member;
import org.petitionpipeline.reporting.identity.AccountRepository;

/**
 * Which organization owns a petition (chosen when it is made, and kept for good), and who may receive its signer
 * lists.
 */
@ApplicationScoped
public class PetitionOwnership {

    private static final String FIELD = "organization";
    private static final String RECIPIENTS = "organizer_emails";

    private final AccountRepository accounts;
    private final AuditTrail audit;

    public PetitionOwnership(AccountRepository accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * The organization a new petition goes to: the one the request names, which the caller must be an editor of,
     * else the caller's only organization they edit in.
     */
    public String forNewPetition(Caller caller, String requested) {
        if (requested != null) {
            if (caller.may(requested, OrgRole.EDITOR)) {
                return requested;
            }
            // the same answer whether or not the organization exists: nobody learns other organizations' names
            throw audit.refused(requested, "petitions", ProblemException.forbidden("you are no editor of "
                    + "organization '" + requested + "': name an organization you are an editor of"));
        }
        List<String> editable = caller.roles().entrySet().stream()
                .filter(role -> role.getValue().includes(OrgRole.EDITOR)).map(Map.Entry::getKey).sorted().toList();
        if (editable.size() == 1) {
            return editable.get(0);
        }
        if (editable.isEmpty()) {
            throw audit.refused(null, "petitions", ProblemException.forbidden(
                    "you are an editor of no organization: an owner can make you one"));
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

    /**
     * The organizer e-mails receive the signed links of the petition's delivery reports, so each must be a member of
     * the organization, unless an owner wrote it: an owner may confirm any address (a coalition partner, the target's
     * office), an editor may not send signer lists outside the organization, but keeps the addresses the petition
     * has already ({@code confirmed}: an owner's choice made before).
     */
    public void requireAllowedRecipients(Caller caller, String organization, List<String> organizerEmails,
            List<String> confirmed) {
        if (organizerEmails == null || organizerEmails.isEmpty() || caller.may(organization, OrgRole.OWNER)) {
            return;
        }
        Set<String> members = accounts.members(organization).stream().map(Member::email).collect(Collectors.toSet());
        confirmed.forEach(address -> members.add(address.strip().toLowerCase(Locale.ROOT)));
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < organizerEmails.size(); i++) {
            if (!members.contains(organizerEmails.get(i).strip().toLowerCase(Locale.ROOT))) {
                errors.put(RECIPIENTS + "[" + i + "]", "not a member of '" + organization
                        + "': only an owner may send its reports to other addresses");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("delivery reports go to the organization's members", errors);
        }
    }
}
