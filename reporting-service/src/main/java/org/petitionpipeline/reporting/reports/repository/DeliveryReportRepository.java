package org.petitionpipeline.reporting.reports.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.ReportReady;

/** The outbox of delivery reports for organizers: recorded with their milestone, announced after the commit. */
@ApplicationScoped
public class DeliveryReportRepository {

    /*
     * now() is the transaction's start, the same in each of its statements: the milestones whose reached_at is now()
     * are exactly those the same transaction just recorded, and the report is of that moment, the signatures that
     * reached the milestone included (they were counted at now() too).
     */
    private static final String RECORD_FOR_NEW_MILESTONES = """
            insert into reporting.delivery_report (report_id, petition_slug, kind, threshold, total, as_of, recipients)
            select gen_random_uuid(), m.petition_slug, m.kind, m.threshold, m.total, m.reached_at, p.organizer_emails
            from reporting.milestone m join reporting.petition p on p.slug = m.petition_slug
            where m.petition_slug = any(?) and m.reached_at = now() and cardinality(p.organizer_emails) > 0
            order by 2, 3, 4
            on conflict (petition_slug, kind, threshold) do nothing""";

    private static final String UNPUBLISHED = """
            select d.report_id, d.petition_slug, p.title, d.threshold, d.total, d.as_of, d.recipients
            from reporting.delivery_report d join reporting.petition p on p.slug = d.petition_slug
            where d.published_at is null
            order by d.as_of limit ?""";

    private static final String MARK_PUBLISHED = """
            update reporting.delivery_report d set published_at = now(), csv_sha256 = published.csv_sha256
            from unnest(?::uuid[], ?::text[]) as published(report_id, csv_sha256)
            where d.report_id = published.report_id""";

    private final DataSource dataSource;

    public DeliveryReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a report for each milestone of the named petitions recorded in the current transaction. */
    public void recordForMilestonesReachedNow(Collection<String> slugs) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_FOR_NEW_MILESTONES)) {
            insert.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record the delivery reports of " + slugs.size() + " petitions", e);
        }
    }

    /** Reports not yet announced on reports.ready, oldest first: the relay's outbox. */
    public List<PendingReport> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
            query.setInt(1, limit);
            List<PendingReport> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new PendingReport(rows.getObject("report_id", UUID.class),
                            rows.getString("petition_slug"), rows.getString("title"), rows.getLong("threshold"),
                            rows.getLong("total"), rows.getTimestamp("as_of").toInstant(),
                            List.of(strings(rows.getArray("recipients")))));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unannounced delivery reports", e);
        }
    }

    /** Marks the reports announced, with the digests their announcements carried. */
    public void markPublished(List<ReportReady> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setArray(1, connection.createArrayOf("uuid",
                    published.stream().map(ReportReady::reportId).toArray()));
            update.setArray(2, connection.createArrayOf("text",
                    published.stream().map(ReportReady::csvSha256).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " delivery reports announced", e);
        }
    }

    private static String[] strings(Array column) throws SQLException {
        return (String[]) column.getArray();
    }
}
