package org.petitionpipeline.reporting.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.identity.Secrets;

/**
 * Console logins, kept in {@code reporting.console_session}: the browser's cookie holds a random secret (one of
 * {@link Secrets}), the table its SHA-256. Every console request reads the row, so logging out, revoking a session
 * or disabling its account ends it at once, on every instance. A login with one of the deployment's tokens is a row
 * too, naming its {@link ConsoleRole} instead of an account.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "console_session";
    private static final String COLUMNS =
            "id, account_id, legacy_role, via, csrf_token, created_at, last_seen_at, expires_at, client_address";

    private final Statements statements;
    private final Duration lifetime;

    public ConsoleSessions(DataSource dataSource, ReportingConfig config) {
        this.statements = new Statements(dataSource);
        this.lifetime = config.console().sessionLifetime();
    }

    /** A live session; exactly one of {@code accountId} and {@code legacyRole} is set. */
    public record ConsoleSession(UUID id, UUID accountId, ConsoleRole legacyRole, LoginMethod via, String csrfToken,
            Instant createdAt, Instant lastSeenAt, Instant expiresAt, String clientAddress) {

        static ConsoleSession of(ResultSet row) throws SQLException {
            String legacyRole = row.getString("legacy_role");
            return new ConsoleSession(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
                    legacyRole == null ? null : ConsoleRole.ofLabel(legacyRole).orElseThrow(),
                    LoginMethod.ofLabel(row.getString("via")), row.getString("csrf_token"),
                    row.getTimestamp("created_at").toInstant(), row.getTimestamp("last_seen_at").toInstant(),
                    row.getTimestamp("expires_at").toInstant(), row.getString("client_address"));
        }
    }

    /** A session as opened: {@code secret} goes into the cookie and is not kept. */
    public record Opened(ConsoleSession session, String secret) {
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for an account, or (account null) for a login with the deployment's token of {@code role}. */
    public Opened open(UUID accountId, ConsoleRole legacyRole, LoginMethod via, String clientAddress, Instant now) {
        String secret = Secrets.random();
        ConsoleSession session = statements.query("open a console session", ConsoleSession::of,
                "insert into reporting.console_session (id, secret_hash, account_id, legacy_role, via, csrf_token,"
                        + " created_at, last_seen_at, expires_at, client_address)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS,
                UUID.randomUUID(), Secrets.sha256(secret), accountId,
                legacyRole == null ? null : legacyRole.label(), via.label(), Secrets.random(), Timestamp.from(now),
                Timestamp.from(now), Timestamp.from(now.plus(lifetime)), clientAddress).get(0);
        return new Opened(session, secret);
    }

    /**
     * The live session a cookie holds: not revoked, not expired. Records that it was seen, at most once a minute, so
     * a page's polling does not write a row per request.
     */
    public Optional<ConsoleSession> find(String secret, Instant now) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        // the update runs only when the last recorded sight is a minute old: a read otherwise, not a row version
        return statements.query("read a console session", ConsoleSession::of, """
                with live as (
                    select %s from reporting.console_session
                    where secret_hash = ? and revoked_at is null and expires_at > ?),
                seen as (
                    update reporting.console_session session set last_seen_at = ? from live
                    where session.id = live.id and live.last_seen_at < ?)
                select * from live""".formatted(COLUMNS),
                Secrets.sha256(secret), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.minusSeconds(60)))
                .stream().findFirst();
    }

    /** The account's live sessions, the most recently used first. */
    public List<ConsoleSession> of(UUID accountId, Instant now) {
        return statements.query("list console sessions", ConsoleSession::of, "select " + COLUMNS
                + " from reporting.console_session where account_id = ? and revoked_at is null and expires_at > ?"
                + " order by last_seen_at desc", accountId, Timestamp.from(now));
    }

    /** Ends a session; false when it was over already. */
    public boolean revoke(UUID sessionId, Instant now) {
        return statements.update("end a console session", "update reporting.console_session set revoked_at = ?"
                + " where id = ? and revoked_at is null", Timestamp.from(now), sessionId) == 1;
    }

    /** Ends one of the account's own sessions; false when it has no such live session. */
    public boolean revoke(UUID accountId, UUID sessionId, Instant now) {
        return statements.update("end a console session", "update reporting.console_session set revoked_at = ?"
                + " where id = ? and account_id = ? and revoked_at is null", Timestamp.from(now), sessionId,
                accountId) == 1;
    }

    /**
     * Deletes the sessions that ended (expired or revoked) before {@code before}: nothing needs them afterwards (the
     * audit log keeps the logins and logouts), and each holds a client address.
     */
    public int forgetEnded(Instant before) {
        return statements.update("delete ended console sessions", "delete from reporting.console_session"
                + " where expires_at < ? or revoked_at < ?", Timestamp.from(before), Timestamp.from(before));
    }

    /** Ends every session of the account but {@code kept} (null: all of them), as a new password does. */
    public int revokeAllOf(UUID accountId, UUID kept, Instant now) {
        return statements.update("end an account's console sessions", "update reporting.console_session"
                + " set revoked_at = ? where account_id = ? and id is distinct from ? and revoked_at is null",
                Timestamp.from(now), accountId, kept);
    }
}
