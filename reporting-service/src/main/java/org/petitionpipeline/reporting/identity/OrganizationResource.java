package org.petitionpipeline.reporting.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository.Organization;
import org.petitionpipeline.reporting.identity.Memberships.MemberView;

/**
 * Organizations and their people. Platform operators make organizations, each with its first owner; owners add
 * people with a role, change it, and remove them ({@link Memberships}).
 */
@Path("/api/admin/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final int MAX_NAME = 200;

    private final AccountRepository accounts;
    private final Memberships memberships;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    public OrganizationResource(AccountRepository accounts, Memberships memberships, CurrentCaller caller,
            AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewOrganization(String slug, String name, String ownerEmail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewMember(String email, String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrganizationView(String slug, String name, Instant createdAt, String yourRole, MemberView owner) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(NewOrganization request) {
        requireOperator();
        Map<String, String> errors = new LinkedHashMap<>();
        if (request == null || request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
            errors.put("slug", "2 to 40 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME
                || request.name().chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "the organization's name, up to " + MAX_NAME + " characters");
        }
        if (request == null || !EmailAddresses.valid(request.ownerEmail())) {
            errors.put("owner_email", "the first owner's email address, e.g. 'director@campaign.example'");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the organization cannot be made as sent", errors);
        }
        Instant now = clock.instant();
        if (!accounts.createOrganization(request.slug(), request.name().strip(), now)) {
            throw ProblemException.conflict("an organization '" + request.slug() + "' exists already");
        }
        audit.succeeded(AuditAction.ORGANIZATION_CREATE, request.slug(), request.slug(), Map.of());
        MemberView owner = memberships.add(request.slug(), request.ownerEmail(), OrgRole.OWNER, now);
        return Response.created(URI.create("/api/admin/organizations/" + request.slug()))
                .entity(new OrganizationView(request.slug(), request.name().strip(), now, null, owner)).build();
    }

    /** Platform operators see every organization; everyone else those they belong to, with their role there. */
    @GET
    public List<OrganizationView> list() {
        Caller who = caller.get();
        return accounts.organizations().stream()
                .filter(organization -> who.platformOperator() || who.roleIn(organization.slug()).isPresent())
                .map(organization -> view(organization, who)).toList();
    }

    @GET
    @Path("{organization}/members")
    public List<MemberView> members(@PathParam("organization") String organization) {
        return memberships.members(organization);
    }

    /** Adds a person with a role, or gives a member another role. */
    @POST
    @Path("{organization}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMember(@PathParam("organization") String organization, NewMember request) {
        MemberView member = memberships.add(organization, request == null ? null : request.email(),
                request == null ? null : request.role());
        return Response.status(member.firstToken() == null ? 200 : 201).entity(member).build();
    }

    @DELETE
    @Path("{organization}/members/{account}")
    public Response removeMember(@PathParam("organization") String organization, @PathParam("account") UUID account) {
        memberships.remove(organization, account);
        return Response.noContent().build();
    }

    private void requireOperator() {
        if (!caller.get().platformOperator()) {
            throw audit.refused(null, "organizations", ProblemException.forbidden(
                    "only platform operators make organizations"));
        }
    }

    private static OrganizationView view(Organization organization, Caller who) {
        return new OrganizationView(organization.slug(), organization.name(), organization.createdAt(),
                who.roleIn(organization.slug()).map(OrgRole::label).orElse(null), null);
    }
}
