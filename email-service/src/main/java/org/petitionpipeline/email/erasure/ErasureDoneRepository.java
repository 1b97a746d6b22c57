package org.petitionpipeline.email.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.email.database.Statements;
import org.petitionpipeline.email.events.PendingEvent;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The outbox of finished erasures, one row per erasure id: recorded with the erasure, relayed to Kafka after the
 * commit. The row is also how a replayed erasure is recognized.
 */
@ApplicationScoped
public class ErasureDoneRepository implements Outbox<PendingEvent<ErasureDone>> {

    private final Statements statements;

    public ErasureDoneRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    public boolean isDone(UUID erasureId) {
        return !statements.query("look up erasure " + erasureId, row -> true,
                "select 1 from email.erasure_done_event where erasure_id = ?", erasureId).isEmpty();
    }

    public void record(PersonErasure erasure, int records) {
        statements.update("record erasure " + erasure.erasureId() + " done", """
                insert into email.erasure_done_event (erasure_id, email_hash, records, done_at)
                values (?, ?, ?, now())""", erasure.erasureId(), erasure.emailHash(), records);
    }

    @Override
    public List<PendingEvent<ErasureDone>> unpublished(int limit) {
        return statements.query("read unpublished erasures done", row -> new PendingEvent<>(row.getLong("id"),
                new ErasureDone(EventSchema.VERSION, row.getObject("erasure_id", UUID.class),
                        row.getString("email_hash"), Service.EMAIL.module(), row.getInt("records"),
                        row.getTimestamp("done_at").toInstant())), """
                select id, erasure_id, email_hash, records, done_at from email.erasure_done_event
                where published_at is null order by id limit ?""", limit);
    }

    @Override
    public void markPublished(List<PendingEvent<ErasureDone>> events) {
        statements.update("mark " + events.size() + " erasures done published",
                "update email.erasure_done_event set published_at = now() where id = any(?)",
                (Object) events.stream().map(PendingEvent::id).toArray(Long[]::new));
    }
}
