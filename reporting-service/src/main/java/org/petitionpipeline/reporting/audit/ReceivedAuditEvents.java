package org.petitionpipeline.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AuditEvent;

/** The entries other services send on {@code audit.events}, written into {@code reporting.audit_event}. */
@ApplicationScoped
public class ReceivedAuditEvents {

    /*
     * One statement for the batch; an event id already in the log (a relay that published twice, a replayed batch)
     * adds nothing. In the order the entries were made, so that their ids, by which the log pages, follow it.
     */
    private static final String ADD_NEW = """
            insert into reporting.audit_event (event_id, at, service, actor_account, actor_label, organization, action,
                                               target, outcome, detail, client_address)
            select event_id, at, service, actor_account, actor_label, organization, action, target, outcome,
                   detail::jsonb, client_address
            from unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                as batch(event_id, at, service, actor_account, actor_label, organization, action, target, outcome,
                         detail, client_address)
            order by at, event_id
            on conflict (event_id) do nothing""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ReceivedAuditEvents(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Adds the batch's events the log does not hold yet, in one round trip. */
    public void addNew(List<AuditEvent> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(ADD_NEW)) {
            List<String> details = new ArrayList<>(batch.size());
            for (AuditEvent event : batch) {
                details.add(event.detail().isEmpty() ? null : json.writeValueAsString(event.detail()));
            }
            insert.setArray(1, array(connection, "uuid", batch, AuditEvent::eventId));
            insert.setArray(2, array(connection, "timestamptz", batch, event -> Timestamp.from(event.at())));
            insert.setArray(3, array(connection, "text", batch, AuditEvent::service));
            insert.setArray(4, array(connection, "uuid", batch, AuditEvent::actorAccount));
            insert.setArray(5, array(connection, "text", batch, AuditEvent::actorLabel));
            insert.setArray(6, array(connection, "text", batch, AuditEvent::organization));
            insert.setArray(7, array(connection, "text", batch, AuditEvent::action));
            insert.setArray(8, array(connection, "text", batch, AuditEvent::target));
            insert.setArray(9, array(connection, "text", batch, AuditEvent::outcome));
            insert.setArray(10, connection.createArrayOf("text", details.toArray()));
            insert.setArray(11, array(connection, "text", batch, AuditEvent::clientAddress));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not add a batch of " + batch.size() + " audit events", e);
        }
    }

    private static Array array(Connection connection, String type, List<AuditEvent> batch,
            Function<AuditEvent, Object> field) throws SQLException {
        return connection.createArrayOf(type, batch.stream().map(field).toArray());
    }
}
