package org.petitionpipeline.email.privacy.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.email.privacy.RequestChannel;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The access requests taken here and each service's part of the export; also the outbox of
 * {@code people.access-requests}.
 */
@ApplicationScoped
public class AccessRequests implements Outbox<AccessRequested> {

    /** A request as recorded. */
    public record Request(UUID requestId, String emailHash, RequestChannel channel, String filedBy, String reference,
            Instant requestedAt, Instant publishedAt, Instant exportDeletedAt) {
    }

    /** One service's part of the export. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Part(String service, Instant madeAt, List<Map<String, Object>> records) {
    }

    private static final TypeReference<List<Map<String, Object>>> RECORDS = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "request_id, email_hash, channel, filed_by, reference, requested_at, published_at, export_deleted_at";

    private final Statements statements;
    private final ObjectMapper json;

    public AccessRequests(DataSource dataSource, ObjectMapper json) {
        this.statements = new Statements(dataSource);
        this.json = json;
    }

    /** Records a request; one with this id that exists already (the same link opened again) stays as it was. */
    public void record(Request request) {
        statements.update("record an access request", """
                insert into email.access_request (request_id, email_hash, channel, filed_by, reference, requested_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                request.requestId(), request.emailHash(), request.channel().name(), request.filedBy(),
                request.reference(), Timestamp.from(request.requestedAt()));
    }

    public Optional<Request> find(UUID requestId) {
        return statements.query("read an access request", AccessRequests::request,
                "select " + COLUMNS + " from email.access_request where request_id = ?", requestId)
                .stream().findFirst();
    }

    /**
     * Records one service's part; a repeated report keeps the first, and one for a request unknown here or whose
     * export was deleted already is not stored.
     */
    public void recordPart(UUID requestId, Part part) {
        statements.update("record a part of an export", """
                insert into email.access_report (request_id, service, records, made_at)
                select request_id, ?, ?::jsonb, ? from email.access_request
                where request_id = ? and export_deleted_at is null
                on conflict do nothing""", part.service(), write(part.records()), Timestamp.from(part.madeAt()),
                requestId);
    }

    public List<Part> parts(UUID requestId) {
        return statements.query("read the parts of an export",
                row -> new Part(row.getString("service"), row.getTimestamp("made_at").toInstant(),
                        read(row.getString("records"))),
                "select service, made_at, records from email.access_report where request_id = ? order by service",
                requestId);
    }

    /**
     * Deletes the exports of requests made longer than {@code kept} ago; returns how many parts it deleted. Run by
     * any instance at any time: a second run finds nothing left to delete.
     */
    public int deleteExportsOlderThan(Duration kept) {
        return statements.update("delete old exports", """
                with due as (
                    update email.access_request set export_deleted_at = now()
                    where export_deleted_at is null and requested_at < now() - ?::interval
                    returning request_id)
                delete from email.access_report where request_id in (select request_id from due)""",
                Statements.interval(kept));
    }

    @Override
    public List<AccessRequested> unpublished(int limit) {
        return statements.query("read unpublished access requests",
                row -> new AccessRequested(EventSchema.VERSION, row.getObject("request_id", UUID.class),
                        row.getString("email_hash"), row.getTimestamp("requested_at").toInstant()),
                """
                select request_id, email_hash, requested_at from email.access_request
                where published_at is null order by requested_at limit ?""", limit);
    }

    @Override
    public void markPublished(List<AccessRequested> published) {
        statements.update("mark access requests published",
                "update email.access_request set published_at = now() where request_id = any(?::uuid[])",
                (Object) published.stream().map(request -> request.requestId().toString()).toArray(String[]::new));
    }

    private String write(List<Map<String, Object>> records) {
        try {
            return json.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a part of an export that is not JSON", e);
        }
    }

    private List<Map<String, Object>> read(String records) {
        try {
            return json.readValue(records, RECORDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored part of an export that is not JSON", e);
        }
    }

    private static Request request(ResultSet row) throws SQLException {
        return new Request(row.getObject("request_id", UUID.class), row.getString("email_hash"),
                RequestChannel.valueOf(row.getString("channel")), row.getString("filed_by"),
                row.getString("reference"), row.getTimestamp("requested_at").toInstant(),
                instant(row.getTimestamp("published_at")), instant(row.getTimestamp("export_deleted_at")));
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
