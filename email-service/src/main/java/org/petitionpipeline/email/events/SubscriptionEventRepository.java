package org.petitionpipeline.email.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.database.Columns;
import org.petitionpipeline.kit.relay.Outbox;

/** The outbox of subscription changes: recorded with the change, relayed to Kafka after the commit. */
@ApplicationScoped
public class SubscriptionEventRepository implements Outbox<PendingEvent<SubscriptionChange>> {

    private final DataSource dataSource;

    public SubscriptionEventRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(Collection<String> emailHashes, SubscriptionStatus status, String source) {
        if (emailHashes.isEmpty()) {
            return;
        }
        String sql = """
                insert into email.subscription_event (email_hash, status, source, changed_at)
                select hash, ?, ?, now() from unnest(?::text[]) as b(hash)""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, status.name());
            insert.setString(2, source);
            insert.setArray(3, connection.createArrayOf("text", emailHashes.toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + emailHashes.size() + " subscription changes", e);
        }
    }

    @Override
    public List<PendingEvent<SubscriptionChange>> unpublished(int limit) {
        String sql = """
                select id, email_hash, status, source, changed_at from email.subscription_event
                where published_at is null order by id limit ?""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, limit);
            List<PendingEvent<SubscriptionChange>> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new PendingEvent<>(rows.getLong("id"), new SubscriptionChange(
                            EventSchema.VERSION, rows.getString("email_hash"),
                            SubscriptionStatus.valueOf(rows.getString("status")), rows.getString("source"),
                            rows.getTimestamp("changed_at").toInstant())));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read unpublished subscription changes", e);
        }
    }

    @Override
    public void markPublished(List<PendingEvent<SubscriptionChange>> events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update email.subscription_event set published_at = now() where id = any(?)")) {
            update.setArray(1, Columns.of(connection, "bigint", events, PendingEvent::id));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + events.size() + " subscription changes published", e);
        }
    }
}
