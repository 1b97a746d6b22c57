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

    /** A request the rule refuses: the answer, and the organization whose log records the attempt (null: none). */
    public record Refusal(ProblemException answer, String organization, String target) {
    }

    /** Empty when the caller may make the request. */
    public Optional<Refusal> refusal(String method, String path, Caller caller) {
        Matcher petitionPath = PETITION_PATH.matcher(path);
        if (petitionPath.matches()) {
            return refusalOfPetition(petitionPath.group(1), method, caller);
        }
        return caller.platformOperator() ? Optional.empty() : Optional.of(new Refusal(
                ProblemException.forbidden("only platform operators may use " + path), null, path));
    }

    private Optional<Refusal> refusalOfPetition(String slug, String method, Caller caller) {
        Optional<String> owner = petition(slug).map(AdminApiPolicy::organizationOf);
        if (owner.isEmpty() || caller.roleIn(owner.get()).isEmpty()) {
            return Optional.of(new Refusal(ProblemException.notFound("there is no petition '" + slug + "'"),
                    owner.orElse(null), slug));
        }
        String organization = owner.get();
        OrgRole needed = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? OrgRole.VIEWER
                : OrgRole.EDITOR;
        if (caller.may(organization, needed)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(ProblemException.forbidden("your role in organization '" + organization
                + "' is " + caller.roleIn(organization).orElseThrow().label() + "; this needs " + needed.label()),
                organization, slug));
    }

    private Optional<PetitionDefinition> petition(String slug) {
        return catalog.isResolvable() ? catalog.get().find(slug) : Optional.empty();
    }

    /** The organization that owns a petition: {@value #DEFAULT_ORGANIZATION} for one defined before organizations. */
    public static String organizationOf(PetitionDefinition petition) {
        return petition.organization() == null ? DEFAULT_ORGANIZATION : petition.organization();
    }
}
