package org.petitionpipeline.reporting.osdi.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.osdi.paging.Page;
import org.petitionpipeline.reporting.osdi.paging.PageRequest;
import org.petitionpipeline.reporting.osdi.paging.Position;

/**
 * A petition's signer rows in sync order (modified_at, signature_id), a page at a time from a position, along the
 * index signer_in_change_order: page 400 reached by its links reads as few rows as page 1 (asked by its number alone,
 * it reads the rows of the pages before it too).
 */
@ApplicationScoped
public class SignatureFeed {

    private static final String FIRST_KEY = "00000000-0000-0000-0000-000000000000";

    /*
     * The change horizon. A row's modified_at is its transaction's start (now()), but it becomes visible only when that
     * transaction commits, possibly after a reader already passed that time: served as is, a page could skip it for
     * good. So only rows changed before the start of the oldest transaction still open are served: every transaction
     * that will commit later started after that, and so writes a later modified_at. Read in a statement of its own,
     * before the rows: a transaction that ended after this read committed before the rows' snapshot and is in it.
     * Rows at or after the horizon come on a later page or sync, usually within milliseconds; a long transaction
     * holds them back until it ends (docs/osdi.md). Other roles' sessions show no xact_start; only this service's
     * role writes its schema.
     */
    private static final String HORIZON = """
            select coalesce(min(xact_start), clock_timestamp()) from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend'""";

    private static final String COLUMNS = """
            select s.signature_id, s.given_name, s.family_name, s.postal_code, s.region, s.country, s.comment,
                   s.signed_at, s.modified_at, s.erased_at, c.verified_at, c.invalidated_at
            from reporting.signer s left join reporting.counted_signature c on c.signature_id = s.signature_id
            where s.petition_slug = ? and s.modified_at > ? and s.modified_at < ?
            """;
    private static final String FORWARD = COLUMNS + """
              and (s.modified_at, s.signature_id) > (?, ?::uuid)
            order by s.modified_at, s.signature_id limit ? offset ?""";
    private static final String BACKWARD = COLUMNS + """
              and (s.modified_at, s.signature_id) < (?, ?::uuid)
            order by s.modified_at desc, s.signature_id desc limit ?""";
    private static final String COUNT = """
            select count(*) from reporting.signer where petition_slug = ? and modified_at > ? and modified_at < ?""";

    private final Statements statements;

    public SignatureFeed(DataSource dataSource) {
        this.statements = new Statements(dataSource);
    }

    public Page<FeedSignature> page(String slug, PageRequest request) {
        Timestamp horizon = statements.query("read the change horizon", row -> row.getTimestamp(1), HORIZON).get(0);
        Timestamp since = Timestamp.from(request.modifiedSince().orElse(Instant.EPOCH));
        long total = statements.query("count the signatures of petition " + slug, row -> row.getLong(1), COUNT,
                slug, since, horizon).get(0);
        int wanted = request.perPage() + 1;
        if (request.before().isPresent()) {
            Position before = request.before().get();
            List<FeedSignature> rows = new ArrayList<>(read(BACKWARD, slug, since, horizon, before, wanted));
            Collections.reverse(rows);
            return new Page<>(rows.size() == wanted ? rows.subList(1, wanted) : rows, total, true);
        }
        Position after = request.after().orElse(new Position(Instant.EPOCH, FIRST_KEY));
        List<FeedSignature> rows = read(FORWARD, slug, since, horizon, after, wanted, request.skipped());
        return new Page<>(rows.size() == wanted ? rows.subList(0, request.perPage()) : rows, total,
                rows.size() == wanted);
    }

    /* {@code paging}: the limit, and for a forward read the rows skipped. */
    private List<FeedSignature> read(String sql, String slug, Timestamp since, Timestamp horizon, Position from,
            Object... paging) {
        List<Object> parameters = new ArrayList<>(List.of(slug, since, horizon, Timestamp.from(from.at()),
                from.key()));
        parameters.addAll(List.of(paging));
        return statements.query("read the signatures of petition " + slug, SignatureFeed::signature, sql,
                parameters.toArray());
    }

    private static FeedSignature signature(ResultSet row) throws SQLException {
        return new FeedSignature(row.getObject("signature_id", UUID.class), row.getString("given_name"),
                row.getString("family_name"), row.getString("postal_code"), row.getString("region"),
                row.getString("country"), row.getString("comment"), instant(row, "signed_at"),
                instant(row, "modified_at"), instant(row, "erased_at"), instant(row, "verified_at"),
                instant(row, "invalidated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
