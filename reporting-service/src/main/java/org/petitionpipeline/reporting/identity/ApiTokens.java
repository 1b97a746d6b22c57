package org.petitionpipeline.reporting.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;

/**
 * Personal API tokens: each acts as its account, with the roles the account holds when it is used. A token is one of
 * {@link Secrets}, shown once when made. Revoked tokens stop working at once: every use reads the row.
 */
@ApplicationScoped
public class ApiTokens {

    /** Marks the token as ours, so a leaked one is easy to recognise (and to scan for in repositories). */
    static final String PREFIX = "ppat_";

    private final Statements statements;

    public ApiTokens(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** A token as made: {@code secret} is shown to its holder this once. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issued(UUID id, String name, String secret, Instant createdAt) {
    }

    /** A token as listed: never the secret. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Listed(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static Listed of(ResultSet row) throws SQLException {
            return new Listed(row.getObject("id", UUID.class), row.getString("name"), instant(row, "created_at"),
                    instant(row, "last_used_at"), instant(row, "revoked_at"));
        }
    }

    public Issued issue(UUID accountId, String name, Instant now) {
        String secret = PREFIX + Secrets.random();
        UUID id = UUID.randomUUID();
        statements.update("store an API token", """
                insert into reporting.api_token (id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)""",
                id, accountId, name, Secrets.sha256(secret), Timestamp.from(now));
        return new Issued(id, name, secret, now);
    }

    /**
     * The account a presented token acts as; empty for an unknown or revoked token. Records the use, at most once a
     * minute, so a busy script does not write a row per request.
     */
    public Optional<UUID> accountOf(String presented, Instant now) {
        if (!presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // the update runs only when the last recorded use is a minute old: a read otherwise, not a row version
        List<UUID> accounts = statements.query("check an API token", row -> row.getObject(1, UUID.class), """
                with token as (
                    select id, account_id, last_used_at from reporting.api_token
                    where token_hash = ? and revoked_at is null),
                touched as (
                    update reporting.api_token used set last_used_at = ? from token
                    where used.id = token.id and (token.last_used_at is null or token.last_used_at < ?))
                select account_id from token""",
                Secrets.sha256(presented), Timestamp.from(now), Timestamp.from(now.minusSeconds(60)));
        return accounts.stream().findFirst();
    }

    public List<Listed> of(UUID accountId) {
        return statements.query("list API tokens", Listed::of,
                "select * from reporting.api_token where account_id = ? order by created_at", accountId);
    }

    /** False when the account has no such token, or it was revoked before. */
    public boolean revoke(UUID accountId, UUID tokenId, Instant now) {
        return statements.update("revoke an API token", """
                update reporting.api_token set revoked_at = ?
                where id = ? and account_id = ? and revoked_at is null""",
                Timestamp.from(now), tokenId, accountId) == 1;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
