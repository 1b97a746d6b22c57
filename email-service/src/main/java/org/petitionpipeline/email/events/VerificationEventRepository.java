package org.petitionpipeline.email.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.kit.relay.Outbox;

/** The outbox of confirmed signatures: recorded with the confirmation, relayed to Kafka after the commit. */
@ApplicationScoped
public class VerificationEventRepository implements Outbox<PendingEvent<VerifiedSignature>> {

    private final Statements statements;

    public VerificationEventRepository(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    @Override
    public List<PendingEvent<VerifiedSignature>> unpublished(int limit) {
        return statements.query("read unpublished verifications", row -> new PendingEvent<>(row.getLong("id"),
                new VerifiedSignature(EventSchema.VERSION, row.getObject("signature_id", UUID.class),
                        row.getString("petition_slug"), row.getString("email_hash"),
                        row.getTimestamp("verified_at").toInstant())), """
                select id, signature_id, petition_slug, email_hash, verified_at from email.verification_event
                where published_at is null order by id limit ?""", limit);
    }

    @Override
    public void markPublished(List<PendingEvent<VerifiedSignature>> events) {
        statements.update("mark " + events.size() + " verifications published",
                "update email.verification_event set published_at = now() where id = any(?)",
                (Object) events.stream().map(PendingEvent::id).toArray(Long[]::new));
    }
}
