package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;
import org.petitionpipeline.reporting.petitions.PetitionRepository;

/**
 * Who may do what to one petition, decided once for every path under {@code /api/admin/petitions/{slug}}, so an
 * endpoint added there later is guarded without a line of its own: reading needs a role in the petition's
 * organization, anything else needs editor; platform operators may read a petition and its figures but not its
 * signer lists (the delivery reports) unless they are members. A caller with no part in the organization is told
 * the petition does not exist, as for a slug nobody uses, so slugs of other organizations cannot be probed.
 */
@ApplicationScoped
public class PetitionAccess {

    private static final Pattern PETITION_PATH = Pattern.compile("^/api/admin/petitions/([^/]+)(/.*)?$");
    private static final String SIGNER_LISTS = "/report.";

    private final PetitionRepository petitions;
    private final AuditTrail audit;

    public PetitionAccess(PetitionRepository petitions, AuditTrail audit) {
        this.petitions = petitions;
        this.audit = audit;
    }

    /** What a request needs: a role in the petition's organization, and whether an operator's standing will do. */
    record Need(OrgRole role, boolean operatorMay) {

        static Need of(String method, String rest) {
            boolean reads = "GET".equals(method) || "HEAD".equals(method);
            if (!reads) {
                return new Need(OrgRole.EDITOR, false);
            }
            return new Need(OrgRole.VIEWER, !rest.startsWith(SIGNER_LISTS));
        }
    }

    /** Throws a 404 or 403 problem when {@code caller} may not make this request; other paths pass. */
    public void check(String method, String path, Caller caller) {
        Matcher petitionPath = PETITION_PATH.matcher(path);
        if (!petitionPath.matches()) {
            return;
        }
        String slug = petitionPath.group(1);
        Optional<String> organization = petitions.organizationOf(slug);
        if (organization.isEmpty()) {
            return;
        }
        Need need = Need.of(method, petitionPath.group(2) == null ? "" : petitionPath.group(2));
        check(caller, slug, organization.get(), need);
    }

    /**
     * The same rule for the organizer console's page of a petition: its figures, as {@code GET …/{slug}/stats};
     * throws a 404 or 403 problem when {@code caller} may not read them. An unknown slug passes.
     */
    public void checkRead(Caller caller, String slug) {
        petitions.organizationOf(slug).ifPresent(organization -> check(caller, slug, organization,
                Need.of("GET", "/stats")));
    }

    private void check(Caller caller, String slug, String organization, Need need) {
        if (caller.may(organization, need.role()) || (need.operatorMay() && caller.platformOperator())) {
            return;
        }
        Optional<OrgRole> held = caller.roleIn(organization);
        if (held.isEmpty() && !caller.platformOperator()) {
            audit.denied(organization, slug, 404);
            throw NoSuchPetition.named(slug);
        }
        audit.denied(organization, slug, 403);
        throw ProblemException.forbidden(held.map(role -> "your role in organization '" + organization + "' is "
                + role.label() + "; this needs " + need.role().label())
                .orElse("platform operators see no signer list and change no petition of an organization they are "
                        + "not a member of ('" + organization + "')"));
    }
}
