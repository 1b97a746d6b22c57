package org.petitionpipeline.reporting.webhooks.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.webhooks.service.EndpointSecrets;

@ApplicationScoped
public class EndpointRepository {

    private static final String COLUMNS = """
            id, organization, url, event_types, batch_size, secret, previous_secret, previous_secret_until, created_at,
            failing_since, disabled_at, disabled_reason""";

    private final Statements statements;

    public EndpointRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    public void create(WebhookEndpoint endpoint) {
        statements.update("store webhook endpoint " + endpoint.id(), """
                insert into reporting.webhook_endpoint (id, organization, url, event_types, batch_size, secret,
                                                        created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", endpoint.id(), endpoint.organization(), endpoint.url(),
                endpoint.eventTypes().toArray(String[]::new), endpoint.batchSize(), endpoint.secrets().current(),
                Timestamp.from(endpoint.createdAt()));
    }

    /** The organization's endpoints, oldest first. */
    public List<WebhookEndpoint> of(String organization) {
        return statements.query("read the webhook endpoints of " + organization, EndpointRepository::endpoint,
                "select " + COLUMNS + " from reporting.webhook_endpoint where organization = ? order by created_at, id",
                organization);
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return statements.query("read webhook endpoint " + id, EndpointRepository::endpoint,
                "select " + COLUMNS + " from reporting.webhook_endpoint where id = ?", id).stream().findFirst();
    }

    /** Whether the organization had the endpoint; its deliveries go with it. */
    public boolean delete(String organization, UUID id) {
        return statements.update("delete webhook endpoint " + id,
                "delete from reporting.webhook_endpoint where organization = ? and id = ?", organization, id) == 1;
    }

    /** Puts {@code secret} in the current one's place; the current one signs beside it until {@code overlapEnds}. */
    public boolean rotate(String organization, UUID id, String secret, Instant overlapEnds) {
        return statements.update("rotate the secret of webhook endpoint " + id, """
                update reporting.webhook_endpoint
                set previous_secret = secret, previous_secret_until = ?, secret = ?
                where organization = ? and id = ?""", Timestamp.from(overlapEnds), secret, organization, id) == 1;
    }

    /**
     * Enabled again, as if new: no failures counted, so it has the whole {@code disable-after} before it could be
     * disabled again. Whether the organization had the endpoint.
     */
    public boolean enable(String organization, UUID id) {
        return statements.update("enable webhook endpoint " + id, """
                update reporting.webhook_endpoint
                set failing_since = null, disabled_at = null, disabled_reason = null
                where organization = ? and id = ?""", organization, id) == 1;
    }

    /** A delivery reached the endpoint: it is failing no more. */
    public void recordSuccess(UUID id) {
        statements.update("record a success of webhook endpoint " + id,
                "update reporting.webhook_endpoint set failing_since = null where id = ? and failing_since is not null",
                id);
    }

    /**
     * A delivery to the endpoint failed at {@code now}; when its failures began at {@code disableIfFailingSince} or
     * earlier, with no success since, it is disabled. Whether this disabled it.
     */
    public boolean recordFailure(UUID id, Instant now, Instant disableIfFailingSince, String reason) {
        return statements.query("record a failure of webhook endpoint " + id, row -> row.getBoolean(1), """
                update reporting.webhook_endpoint
                set failing_since = coalesce(failing_since, ?),
                    disabled_at = case when failing_since <= ? then ?::timestamptz end,
                    disabled_reason = case when failing_since <= ? then ?::text end
                where id = ? and disabled_at is null
                returning disabled_at is not null""", Timestamp.from(now), Timestamp.from(disableIfFailingSince),
                Timestamp.from(now), Timestamp.from(disableIfFailingSince), reason, id).stream().findFirst()
                .orElse(false);
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        return new WebhookEndpoint(row.getObject("id", UUID.class), row.getString("organization"), row.getString("url"),
                Arrays.asList((String[]) types.getArray()), row.getInt("batch_size"),
                new EndpointSecrets(row.getString("secret"), row.getString("previous_secret"),
                        instant(row, "previous_secret_until")),
                instant(row, "created_at"), instant(row, "failing_since"), instant(row, "disabled_at"),
                row.getString("disabled_reason"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
