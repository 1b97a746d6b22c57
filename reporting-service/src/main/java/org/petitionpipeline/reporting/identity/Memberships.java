package org.petitionpipeline.reporting.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditAction;
import org.petitionpipeline.reporting.audit.AuditTrail;
import org.petitionpipeline.reporting.identity.AccountRepository.Member;

/**
 * The people of an organization, as its owners manage them, from the admin API ({@link OrganizationResource}) and
 * the console ({@link OrganizationConsoleResource}) alike. Someone who had no account gets one, and a first API
 * token shown once to the owner, to be handed over safely: they should set a password and make their own tokens.
 */
@ApplicationScoped
public class Memberships {

    private final AccountRepository accounts;
    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;
    private final OrganizationRoles roles;

    public Memberships(AccountRepository accounts, ApiTokens tokens, CurrentCaller caller, AuditTrail audit,
            Clock clock, OrganizationRoles roles) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.roles = roles;
    }

    /** A member as answered; {@code firstToken} only when this request made their account. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MemberView(UUID accountId, String email, String role, Instant since, String firstToken) {

        static MemberView of(Member member) {
            return new MemberView(member.accountId(), member.email(), member.role().label(), member.since(), null);
        }
    }

    public List<MemberView> members(String organization) {
        requireOwner(organization);
        return accounts.members(organization).stream().map(MemberView::of).toList();
    }

    /** Adds a person with a role, or gives a member another role; 422 for a bad address or role. */
    @Transactional
    public MemberView add(String organization, String email, String roleLabel) {
        requireOwner(organization);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!EmailAddresses.valid(email)) {
            errors.put("email", "the person's email address");
        }
        OrgRole role = roleNamed(roleLabel);
        if (role == null) {
            errors.put("role", "one of owner, editor, viewer");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the member cannot be added as sent", errors);
        }
        MemberView member = add(organization, email, role, clock.instant());
        requireAnOwnerLeft(organization);
        return member;
    }

    /** Adds the organization's first owner, or anyone, without asking whether the caller owns it. */
    MemberView add(String organization, String email, OrgRole role, Instant now) {
        AccountRepository.Account account = accounts.accountFor(email, now);
        accounts.setRole(organization, account.id(), role, now);
        audit.succeeded(AuditAction.MEMBER_ADD, organization, "account:" + account.id(),
                Map.of("role", role.label(), "new_account", String.valueOf(account.made())));
        String firstToken = account.made()
                ? tokens.issue(account.id(), "first token, from " + caller.get().label(), now).secret() : null;
        return new MemberView(account.id(), account.email(), role.label(), now, firstToken);
    }

    @Transactional
    public void remove(String organization, UUID account) {
        requireOwner(organization);
        if (!accounts.removeMember(organization, account)) {
            throw ProblemException.notFound("no such member of '" + organization + "'");
        }
        requireAnOwnerLeft(organization);
        audit.succeeded(AuditAction.MEMBER_REMOVE, organization, "account:" + account, Map.of());
    }

    private void requireOwner(String organization) {
        roles.require(organization, OrgRole.OWNER, "members");
    }

    /* An organization nobody owns could never again add people or fix a role: refuse the change that would do it. */
    private void requireAnOwnerLeft(String organization) {
        if (accounts.owners(organization) == 0) {
            throw ProblemException.conflict("'" + organization + "' would have no owner left: make someone else "
                    + "owner first");
        }
    }

    private static OrgRole roleNamed(String label) {
        for (OrgRole role : OrgRole.values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        return null;
    }
}
