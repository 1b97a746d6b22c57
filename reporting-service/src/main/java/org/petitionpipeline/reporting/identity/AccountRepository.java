package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;

/** Organizations, the accounts of the people in them, and who holds which role where. */
@ApplicationScoped
public class AccountRepository {

    /** Failed passwords in a row an account may have before it is locked for a while. */
    public static final int FAILURES_BEFORE_LOCK = 5;

    private final Statements statements;

    public AccountRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** False when an organization of that slug exists already. */
    public boolean createOrganization(String slug, String name, Instant now) {
        return statements.update("create an organization", "insert into reporting.organization (slug, name, created_at) values (?, ?, ?)"
                + " on conflict (slug) do nothing", slug, name, Timestamp.from(now)) == 1;
    }

    public List<Organization> organizations() {
        return statements.query("read the organizations", Organization::of,
                "select slug, name, created_at from reporting.organization order by slug");
    }

    /** The account of this address, made (not an operator) when there is none; addresses compare lower-cased. */
    public Account accountFor(String email, Instant now) {
        String address = email.toLowerCase(Locale.ROOT);
        List<UUID> made = statements.query("create an account", row -> row.getObject(1, UUID.class),
                "insert into reporting.account (id, email, created_at) values (?, ?, ?) on conflict (email) do nothing"
                        + " returning id", UUID.randomUUID(), address, Timestamp.from(now));
        if (!made.isEmpty()) {
            return new Account(made.get(0), address, true);
        }
        return new Account(statements.query("find an account", row -> row.getObject(1, UUID.class),
                "select id from reporting.account where email = ?", address).get(0), address, false);
    }

    /** @param made whether {@link #accountFor} made it just now */
    public record Account(UUID id, String email, boolean made) {
    }

    /** Gives the account this role in the organization, replacing the one it had there. */
    public void setRole(String organization, UUID accountId, OrgRole role, Instant now) {
        statements.update("set a member's role", """
                insert into reporting.membership (organization, account_id, role, created_at) values (?, ?, ?, ?)
                on conflict (organization, account_id) do update set role = excluded.role""",
                organization, accountId, role.name(), Timestamp.from(now));
    }

    /** False when the account was no member of the organization. */
    public boolean removeMember(String organization, UUID accountId) {
        return statements.update("remove a member", "delete from reporting.membership"
                + " where organization = ? and account_id = ?", organization, accountId) == 1;
    }

    public int owners(String organization) {
        return statements.query("count the owners", row -> row.getInt(1),
                "select count(*) from reporting.membership where organization = ? and role = 'OWNER'", organization)
                .get(0);
    }

    public List<Member> members(String organization) {
        return statements.query("read the members", Member::of, """
                select a.id, a.email, m.role, m.created_at from reporting.membership m
                join reporting.account a on a.id = m.account_id
                where m.organization = ? order by a.email""", organization);
    }

    /** The caller an account is, with every role it holds; empty for an unknown or disabled account. */
    public Optional<Caller> caller(UUID accountId) {
        List<Object[]> rows = statements.query("read an account's roles",
                row -> new Object[] {row.getString(1), row.getBoolean(2), row.getString(3), row.getString(4)}, """
                select a.email, a.platform_operator, m.organization, m.role from reporting.account a
                left join reporting.membership m on m.account_id = a.id
                where a.id = ? and a.disabled_at is null""", accountId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, OrgRole> roles = new HashMap<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                roles.put((String) row[2], OrgRole.valueOf((String) row[3]));
            }
        }
        return Optional.of(new Caller(accountId, (String) rows.get(0)[0], (Boolean) rows.get(0)[1], roles));
    }

    /** What a password login needs to know of the account an address names; empty for none or a disabled one. */
    public Optional<LoginState> loginState(String email) {
        return statements.query("read an account's login state", row -> new LoginState(row.getObject(1, UUID.class),
                row.getString(2), row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()), """
                select id, password_hash, locked_until from reporting.account
                where email = ? and disabled_at is null""", email.toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /** @param lockedUntil until when the account may not try again after repeated failures; null when it may */
    public record LoginState(UUID accountId, String passwordHash, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /**
     * Counts a failed password; from the {@value #FAILURES_BEFORE_LOCK}th in a row on, the account is locked for a
     * minute, doubling with each further failure up to an hour. One statement, so instances that share the database
     * share the count.
     */
    public void recordFailedLogin(UUID accountId, Instant now) {
        statements.update("count a failed login", """
                update reporting.account set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= ?
                        then ?::timestamptz + least(interval '1 minute' * power(2, failed_logins + 1 - ?), interval '1 hour')
                        else locked_until end
                where id = ?""", FAILURES_BEFORE_LOCK, Timestamp.from(now), FAILURES_BEFORE_LOCK, accountId);
    }

    public void recordSuccessfulLogin(UUID accountId) {
        statements.update("reset the failed logins", "update reporting.account set failed_logins = 0,"
                + " locked_until = null where id = ?", accountId);
    }

    /** Stores a new password's hash; the account's failed logins start again from none. */
    public void setPasswordHash(UUID accountId, String hash) {
        statements.update("set a password", "update reporting.account set password_hash = ?, failed_logins = 0,"
                + " locked_until = null where id = ?", hash, accountId);
    }

    /** The hash of the account's password; null when it has none. */
    public String passwordHash(UUID accountId) {
        return statements.query("read a password hash", row -> row.getString(1),
                "select password_hash from reporting.account where id = ?", accountId).stream().findFirst()
                .orElse(null);
    }

    /**
     * The account bound to this person of an identity provider (disabled ones too: a refusal names them), or else the
     * account of {@code email}, bound to them now if no one is bound to it yet; empty when neither exists.
     *
     * @param email a verified address of the person at the provider, or null when the provider verified none
     */
    public Optional<BoundAccount> boundAccount(String issuer, String subject, String email) {
        Optional<BoundAccount> bound = statements.query("find an account by its single sign-on", BoundAccount::of,
                "select id, email from reporting.account where oidc_issuer = ?"
                        + " and oidc_subject = ?", issuer, subject).stream().findFirst();
        if (bound.isPresent() || email == null) {
            return bound;
        }
        return statements.query("bind an account to a single sign-on", BoundAccount::of, """
                update reporting.account set oidc_issuer = ?, oidc_subject = ? where email = ? and oidc_subject is null
                returning id, email""", issuer, subject, email.toLowerCase(Locale.ROOT))
                .stream().findFirst();
    }

    public record BoundAccount(UUID id, String email) {

        static BoundAccount of(ResultSet row) throws SQLException {
            return new BoundAccount(row.getObject(1, UUID.class), row.getString(2));
        }
    }

    public void setPlatformOperator(UUID accountId, boolean operator) {
        statements.update("set an account's operator flag", "update reporting.account set platform_operator = ?"
                + " where id = ? and platform_operator <> ?", operator, accountId, operator);
    }

    public record Organization(String slug, String name, Instant createdAt) {

        static Organization of(ResultSet row) throws SQLException {
            return new Organization(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant());
        }
    }

    public record Member(UUID accountId, String email, OrgRole role, Instant since) {

        static Member of(ResultSet row) throws SQLException {
            return new Member(row.getObject(1, UUID.class), row.getString(2), OrgRole.valueOf(row.getString(3)),
                    row.getTimestamp(4).toInstant());
        }
    }
}
