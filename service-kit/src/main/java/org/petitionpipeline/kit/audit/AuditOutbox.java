package org.petitionpipeline.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The outbox of {@code audit.events} a service without an audit log of its own keeps, in its own schema as
 * {@code <schema>.audit_outbox}: one row per event, the event's fields as columns ({@code detail} jsonb) plus
 * {@code published_at}. Written by {@link AuditEvents}, relayed by {@link AuditEventRelay}; the rows stay after
 * they are relayed, the service's own copy of what reporting's log received.
 */
public final class AuditOutbox implements Outbox<AuditEvent> {

    private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final long relayLockKey;
    private final String record;
    private final String unpublished;
    private final String markPublished;

    /**
     * @param schema       the service's schema, which holds {@code audit_outbox}
     * @param relayLockKey the advisory lock one relaying instance holds, unique in the database
     */
    public AuditOutbox(DataSource dataSource, ObjectMapper json, String schema, long relayLockKey) {
        this.dataSource = dataSource;
        this.json = json;
        this.relayLockKey = relayLockKey;
        String table = schema + ".audit_outbox";
        this.record = "insert into " + table + " (event_id, at, service, actor_account, actor_label, organization,"
                + " action, target, outcome, detail, client_address) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
        this.unpublished = "select event_id, at, service, actor_account, actor_label, organization, action, target,"
                + " outcome, detail, client_address from " + table
                + " where published_at is null order by at, event_id limit ?";
        this.markPublished = "update " + table + " set published_at = now() where event_id = any(?)";
    }

    /** Records the event on a connection of the current (JTA) transaction, or on its own without one. */
    void record(AuditEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(record)) {
            insert.setObject(1, event.eventId());
            insert.setTimestamp(2, Timestamp.from(event.at()));
            insert.setString(3, event.service());
            insert.setObject(4, event.actorAccount());
            insert.setString(5, event.actorLabel());
            insert.setString(6, event.organization());
            insert.setString(7, event.action());
            insert.setString(8, event.target());
            insert.setString(9, event.outcome());
            insert.setString(10, event.detail().isEmpty() ? null : json.writeValueAsString(event.detail()));
            insert.setString(11, event.clientAddress());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record " + event.action() + " by " + event.actorLabel(), e);
        }
    }

    @Override
    public List<AuditEvent> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(unpublished)) {
            query.setInt(1, limit);
            List<AuditEvent> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(event(rows));
                }
            }
            return pending;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the unrelayed audit events", e);
        }
    }

    @Override
    public void markPublished(List<AuditEvent> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(markPublished)) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(AuditEvent::eventId).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " audit events relayed", e);
        }
    }

    long relayLockKey() {
        return relayLockKey;
    }

    private AuditEvent event(ResultSet row) throws SQLException, JsonProcessingException {
        String detail = row.getString("detail");
        return new AuditEvent(EventSchema.VERSION, row.getObject("event_id", UUID.class),
                row.getTimestamp("at").toInstant(), row.getString("service"),
                row.getObject("actor_account", UUID.class), row.getString("actor_label"),
                row.getString("organization"), row.getString("action"), row.getString("target"),
                row.getString("outcome"), detail == null ? Map.of() : json.readValue(detail, DETAIL),
                row.getString("client_address"));
    }
}
