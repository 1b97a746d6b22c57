package org.petitionpipeline.email.privacy;

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
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The erasure requests taken here and each service's report that it finished one; also the outbox of
 * {@code people.erasures}.
 */
@ApplicationScoped
public class ErasureRequests implements Outbox<PersonErasure> {

    /** A request as recorded. */
    public record Request(UUID erasureId, String emailHash, RequestChannel channel, String filedBy, String reference,
            Instant requestedAt, Instant publishedAt) {
    }

    /** One service's report that it is done. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Done(String service, int records, Instant doneAt) {
    }

    private static final String COLUMNS = "erasure_id, email_hash, channel, filed_by, reference, requested_at, published_at";

    private final Statements statements;

    public ErasureRequests(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    /** Records a request; false when one with this id exists already (the same link confirmed twice). */
    public boolean record(Request request) {
        return statements.update("record an erasure request", """
                insert into email.erasure_request (erasure_id, email_hash, channel, filed_by, reference, requested_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                request.erasureId(), request.emailHash(), request.channel().name(), request.filedBy(),
                request.reference(), Timestamp.from(request.requestedAt())) == 1;
    }

    public Optional<Request> find(UUID erasureId) {
        return statements.query("read an erasure request", ErasureRequests::request,
                "select " + COLUMNS + " from email.erasure_request where erasure_id = ?", erasureId)
                .stream().findFirst();
    }

    public List<Request> recent(int limit) {
        return statements.query("read recent erasure requests", ErasureRequests::request,
                "select " + COLUMNS + " from email.erasure_request order by requested_at desc limit ?", limit);
    }

    /** Records that a service finished; a repeated report keeps the first. */
    public void recordDone(UUID erasureId, String service, int records, Instant doneAt) {
        statements.update("record an erasure's progress", """
                insert into email.erasure_progress (erasure_id, service, records, done_at) values (?, ?, ?, ?)
                on conflict do nothing""", erasureId, service, records, Timestamp.from(doneAt));
    }

    public List<Done> progress(UUID erasureId) {
        return statements.query("read an erasure's progress",
                row -> new Done(row.getString("service"), row.getInt("records"),
                        row.getTimestamp("done_at").toInstant()),
                "select service, records, done_at from email.erasure_progress where erasure_id = ? order by done_at",
                erasureId);
    }

    @Override
    public List<PersonErasure> unpublished(int limit) {
        return statements.query("read unpublished erasure requests",
                row -> new PersonErasure(EventSchema.VERSION, row.getObject("erasure_id", UUID.class),
                        row.getString("email_hash"), row.getTimestamp("requested_at").toInstant()),
                """
                select erasure_id, email_hash, requested_at from email.erasure_request
                where published_at is null order by requested_at limit ?""", limit);
    }

    @Override
    public void markPublished(List<PersonErasure> published) {
        statements.update("mark erasure requests published",
                "update email.erasure_request set published_at = now() where erasure_id = any(?::uuid[])",
                (Object) published.stream().map(erasure -> erasure.erasureId().toString()).toArray(String[]::new));
    }

    private static Request request(ResultSet row) throws SQLException {
        Timestamp published = row.getTimestamp("published_at");
        return new Request(row.getObject("erasure_id", UUID.class), row.getString("email_hash"),
                RequestChannel.valueOf(row.getString("channel")), row.getString("filed_by"),
                row.getString("reference"), row.getTimestamp("requested_at").toInstant(),
                published == null ? null : published.toInstant());
    }
}
