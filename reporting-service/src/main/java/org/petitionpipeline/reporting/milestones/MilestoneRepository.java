package org.petitionpipeline.reporting.milestones;

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
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.kit.relay.Outbox;

@ApplicationScoped
public class MilestoneRepository implements Outbox<MilestoneReached> {

    /*
     * Looks at the current totals rather than at what a batch added: a batch replayed after a crash between the
     * count and this statement adds nothing, yet still records what the first attempt reached. The goal is read
     * now, so a goal lowered below the total is reached with the next signature.
     */
    private static final String RECORD_REACHED = """
            insert into reporting.milestone (petition_slug, kind, threshold, total, reached_at)
            select t.petition_slug, milestone.kind, milestone.threshold,
                   reporting.public_total(p.verified_signatures_only, t.accepted, t.invalidated, t.verified), now()
            from reporting.petition_total t
            join reporting.petition p on p.slug = t.petition_slug
            cross join lateral (
                select 'THRESHOLD', threshold from unnest(?::bigint[]) as configured(threshold)
                union all
                select 'GOAL', p.goal) as milestone(kind, threshold)
            where t.petition_slug = any(?)
              and reporting.public_total(p.verified_signatures_only, t.accepted, t.invalidated, t.verified)
                  >= milestone.threshold
            order by 1, 2, 3
            on conflict (petition_slug, kind, threshold) do nothing
            returning *""";

    private static final String UNPUBLISHED = """
            select * from reporting.milestone where published_at is null
            order by reached_at limit ?""";

    private static final String MARK_PUBLISHED = """
            update reporting.milestone set published_at = now()
            where (petition_slug, kind, threshold) in (
                select * from unnest(?::text[], ?::text[], ?::bigint[]))""";

    private final DataSource dataSource;

    public MilestoneRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records each milestone the named petitions' totals have reached and that is not recorded yet; those it
     * recorded (none, for a replayed batch).
     */
    public List<MilestoneReached> recordReached(Collection<String> slugs, List<Long> thresholds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_REACHED)) {
            insert.setArray(1, connection.createArrayOf("bigint", thresholds.toArray()));
            insert.setArray(2, connection.createArrayOf("text", slugs.toArray()));
            return milestones(insert);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the milestones of " + slugs.size() + " petitions", e);
        }
    }

    /** Milestones not yet on {@code petitions.milestones}, first reached first: the relay's outbox. */
    @Override
    public List<MilestoneReached> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
            query.setInt(1, limit);
            return milestones(query);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unpublished milestones", e);
        }
    }

    @Override
    public void markPublished(List<MilestoneReached> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setArray(1, connection.createArrayOf("text",
                    published.stream().map(MilestoneReached::petitionSlug).toArray()));
            update.setArray(2, connection.createArrayOf("text",
                    published.stream().map(milestone -> milestone.kind().name()).toArray()));
            update.setArray(3, connection.createArrayOf("bigint",
                    published.stream().map(MilestoneReached::threshold).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " milestones published", e);
        }
    }

    /** The milestones the petition reached, first reached first. */
    public List<MilestoneReached> findOf(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select * from reporting.milestone where petition_slug = ? order by reached_at, threshold")) {
            query.setString(1, slug);
            return milestones(query);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the milestones of petition " + slug, e);
        }
    }

    private static List<MilestoneReached> milestones(PreparedStatement query) throws SQLException {
        List<MilestoneReached> milestones = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                milestones.add(new MilestoneReached(EventSchema.VERSION, rows.getString("petition_slug"),
                        MilestoneReached.Kind.valueOf(rows.getString("kind")), rows.getLong("threshold"),
                        rows.getLong("total"), rows.getTimestamp("reached_at").toInstant()));
            }
        }
        return milestones;
    }
}
