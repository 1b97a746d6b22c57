package org.petitionpipeline.reporting.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.kit.relay.Outbox;

/**
 * The retention columns of {@code reporting.petition}, and the outbox of {@code petitions.anonymized} they make: a
 * petition anonymized and not yet acknowledged on the topic is an unpublished event.
 */
@ApplicationScoped
public class RetentionRepository implements Outbox<PetitionAnonymized> {

    /*
     * When a petition stopped taking signatures: the organizer's close, else its end date (which may lie ahead: the
     * period then runs from a time still to come). A petition closed by neither never ends its period.
     */
    private static final String ENDED = "coalesce(closed_at, ends_at)";

    /* The period is computed in SQL as RetentionPeriod does: the organizer's days, capped at the deployment's. */
    private static final String DUE = """
            select slug from reporting.petition
            where anonymized_at is null
              and %s + make_interval(secs => least(coalesce(retention_days * 86400.0, ?), ?)) <= ?
            order by %<s""".formatted(ENDED);

    /*
     * The claim: of two instances (or rounds) at the same petition, the second finds anonymized_at set and skips it;
     * a petition whose end date was moved past now meanwhile is not claimed.
     */
    private static final String CLAIM = """
            update reporting.petition set anonymized_at = ?
            where slug = ? and anonymized_at is null and %s <= ?""".formatted(ENDED);

    private final DataSource dataSource;
    private final RetentionPeriod period;

    public RetentionRepository(DataSource dataSource, RetentionPeriod period) {
        this.dataSource = dataSource;
        this.period = period;
    }

    /** Slugs of the ended petitions whose period ran out by {@code now} and that are not anonymized yet. */
    public List<String> due(Instant now) {
        double deploymentSeconds = period.deployment().toSeconds();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(DUE)) {
            query.setDouble(1, deploymentSeconds);
            query.setDouble(2, deploymentSeconds);
            query.setTimestamp(3, Timestamp.from(now));
            List<String> slugs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    slugs.add(rows.getString("slug"));
                }
            }
            return slugs;
        } catch (SQLException e) {
            throw new IllegalStateException("could not find the petitions due for anonymization", e);
        }
    }

    /**
     * Marks the petition anonymized at {@code now} in the caller's transaction; false when another round did first.
     * The row lock it takes holds a concurrent claim until this transaction ends.
     */
    public boolean claim(String slug, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(CLAIM)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, slug);
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim petition " + slug + " for anonymization", e);
        }
    }

    /** Empty when there is no such petition. */
    public Optional<PetitionRetention> find(String slug) {
        return Optional.ofNullable(select("where slug = ?", slug).get(slug));
    }

    /** Every petition's, by slug. */
    public Map<String, PetitionRetention> findAll() {
        return select("");
    }

    private Map<String, PetitionRetention> select(String where, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select slug, closed_at, %s as ended_at, retention_days, anonymized_at from reporting.petition "
                                .formatted(ENDED) + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            Map<String, PetitionRetention> bySlug = new HashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Instant endedAt = instant(row, "ended_at");
                    Duration retained = period.of(row.getObject("retention_days", Integer.class));
                    bySlug.put(row.getString("slug"), new PetitionRetention(retained, instant(row, "closed_at"),
                            endedAt == null ? null : endedAt.plus(retained), instant(row, "anonymized_at")));
                }
            }
            return bySlug;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the retention of the petitions", e);
        }
    }

    @Override
    public List<PetitionAnonymized> unpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select slug, %s as ended_at, anonymized_at from reporting.petition
                        where anonymized_at is not null and anonymized_published_at is null
                        order by anonymized_at, slug limit ?""".formatted(ENDED))) {
            query.setInt(1, limit);
            List<PetitionAnonymized> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new PetitionAnonymized(EventSchema.VERSION, rows.getString("slug"),
                            instant(rows, "ended_at"), instant(rows, "anonymized_at")));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unannounced anonymizations", e);
        }
    }

    @Override
    public void markPublished(List<PetitionAnonymized> published) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update reporting.petition set anonymized_published_at = now() where slug = any(?)")) {
            update.setArray(1, connection.createArrayOf("text",
                    published.stream().map(PetitionAnonymized::petitionSlug).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " anonymizations announced", e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
