package org.petitionpipeline.kit.identity;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The one rule of an admin API guarded by {@link AdminApiFilter}, from the method and path alone, so that a new
 * endpoint is guarded without code: under {@code /api/admin/petitions/{slug}} a caller needs a role in the
 * petition's organization (viewer to read, editor to change), and one with none there gets the same 404 as for an
 * unknown petition, so that nobody learns another organization's slugs; everything else under {@code /api/admin/}
 * (held signatures, invalidations, erasure and access requests: every signer, every organization) is for platform
 * operators only.
 */
@IfBuildProperty(name = KitFeatures.ADMIN_API, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AdminApiPolicy {

    /** Petitions made before organizations existed belong to this one. */
    public static final String DEFAULT_ORGANIZATION = "default";

    private static final Pattern PETITION_PATH = Pattern.compile("^/api/admin/petitions/([^/]+)(/.*)?$");

    private final Instance<PetitionCatalog> catalog;

    /** The catalog is there in a service that reads petitions (email); one that does not has no petition paths. */
    public AdminApiPolicy(Instance<PetitionCatalog> catalog) {
        this.catalog = catalog;
    }

    public void check(String method, String path, Caller caller) {
        Matcher petitionPath = PETITION_PATH.matcher(path);
        if (petitionPath.matches()) {
            checkPetition(petitionPath.group(1), method, caller);
        } else if (!caller.platformOperator()) {
            throw ProblemException.forbidden("only platform operators may use " + path);
        }
    }

    private void checkPetition(String slug, String method, Caller caller) {
        String organization = petition(slug).map(AdminApiPolicy::organizationOf)
                .filter(owner -> caller.roleIn(owner).isPresent())
                .orElseThrow(() -> ProblemException.notFound("there is no petition '" + slug + "'"));
        OrgRole needed = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? OrgRole.VIEWER
                : OrgRole.EDITOR;
        if (!caller.may(organization, needed)) {
            throw ProblemException.forbidden("your role in organization '" + organization + "' is "
                    + caller.roleIn(organization).orElseThrow().label() + "; this needs " + needed.label());
        }
    }

    private Optional<PetitionDefinition> petition(String slug) {
        return catalog.isResolvable() ? catalog.get().find(slug) : Optional.empty();
    }

    private static String organizationOf(PetitionDefinition petition) {
        return petition.organization() == null ? DEFAULT_ORGANIZATION : petition.organization();
    }
}
