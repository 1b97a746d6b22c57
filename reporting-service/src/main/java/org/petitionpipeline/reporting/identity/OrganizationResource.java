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
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository.Member;
import org.petitionpipeline.reporting.identity.AccountRepository.Organization;

/**
 * Organizations and their people. Platform operators make organizations, each with its first owner; owners add
 * people with a role, change it, and remove them. Someone who had no account gets one, and a first API token shown
 * once in the answer, to be handed over safely: they should make their own and revoke it.
 */
@Path("/api/admin/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final int MAX_NAME = 200;

    private final AccountRepository accounts;
    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    public OrganizationResource(AccountRepository accounts, ApiTokens tokens, CurrentCaller caller, AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
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

    /** A member as answered; {@code firstToken} only when this request made their account. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MemberView(UUID accountId, String email, String role, Instant since, String firstToken) {

        static MemberView of(Member member) {
            return new MemberView(member.accountId(), member.email(), member.role().label(), member.since(), null);
        }
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
        MemberView owner = addMember(request.slug(), request.ownerEmail(), OrgRole.OWNER, now);
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
        requireOwner(organization);
        return accounts.members(organization).stream().map(MemberView::of).toList();
    }

    /** Adds a person with a role, or gives a member another role. */
    @POST
    @Path("{organization}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response addMember(@PathParam("organization") String organization, NewMember request) {
        requireOwner(organization);
        Map<String, String> errors = new LinkedHashMap<>();
        if (request == null || !EmailAddresses.valid(request.email())) {
            errors.put("email", "the person's email address");
        }
        OrgRole role = request == null ? null : roleNamed(request.role());
        if (role == null) {
            errors.put("role", "one of owner, editor, viewer");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the member cannot be added as sent", errors);
        }
        MemberView member = addMember(organization, request.email(), role, clock.instant());
        requireAnOwnerLeft(organization);
        return Response.status(member.firstToken() == null ? 200 : 201).entity(member).build();
    }

    @DELETE
    @Path("{organization}/members/{account}")
    @Transactional
    public Response removeMember(@PathParam("organization") String organization, @PathParam("account") UUID account) {
        requireOwner(organization);
        if (!accounts.removeMember(organization, account)) {
            throw ProblemException.notFound("no such member of '" + organization + "'");
        }
        requireAnOwnerLeft(organization);
        audit.succeeded(AuditAction.MEMBER_REMOVE, organization, "account:" + account, Map.of());
        return Response.noContent().build();
    }

    private MemberView addMember(String organization, String email, OrgRole role, Instant now) {
        AccountRepository.Account account = accounts.accountFor(email, now);
        accounts.setRole(organization, account.id(), role, now);
        audit.succeeded(AuditAction.MEMBER_ADD, organization, "account:" + account.id(),
                Map.of("role", role.label(), "new_account", String.valueOf(account.made())));
        String firstToken = account.made()
                ? tokens.issue(account.id(), "first token, from " + caller.get().label(), now).secret() : null;
        return new MemberView(account.id(), account.email(), role.label(), now, firstToken);
    }

    /* An organization nobody owns could never again add people or fix a role: refuse the change that would do it. */
    private void requireAnOwnerLeft(String organization) {
        if (accounts.owners(organization) == 0) {
            throw ProblemException.conflict("'" + organization + "' would have no owner left: make someone else "
                    + "owner first");
        }
    }

    private void requireOperator() {
        if (!caller.get().platformOperator()) {
            throw ProblemException.forbidden("only platform operators make organizations");
        }
    }

    /* As for petitions: an organization the caller has no part in is not there for them. */
    private void requireOwner(String organization) {
        Caller who = caller.get();
        if (who.may(organization, OrgRole.OWNER)) {
            return;
        }
        if (who.roleIn(organization).isEmpty()) {
            throw ProblemException.notFound("there is no organization '" + organization + "'");
        }
        throw ProblemException.forbidden("only owners manage the people of '" + organization + "'");
    }

    private static OrgRole roleNamed(String label) {
        for (OrgRole role : OrgRole.values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        return null;
    }

    private static OrganizationView view(Organization organization, Caller who) {
        return new OrganizationView(organization.slug(), organization.name(), organization.createdAt(),
                who.roleIn(organization.slug()).map(OrgRole::label).orElse(null), null);
    }
}
