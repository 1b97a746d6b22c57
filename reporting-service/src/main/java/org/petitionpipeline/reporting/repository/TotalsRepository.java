package org.petitionpipeline.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;

@ApplicationScoped
public class TotalsRepository {

    /*
     * One statement, so one transaction: the signature ids not counted before are recorded and the totals
     * raised by exactly their number, or neither happens. A replayed batch inserts no id and adds nothing.
     */
    private static final String COUNT_NEW_SIGNATURES = """
            with newly_counted as (
                insert into reporting.counted_signature (signature_id, petition_slug, counted_at)
                select id, slug, now() from unnest(?::uuid[], ?::text[]) as batch(id, slug)
                on conflict (signature_id) do nothing
                returning petition_slug)
            insert into reporting.petition_total (petition_slug, accepted, updated_at)
            select petition_slug, count(*), now() from newly_counted group by petition_slug order by petition_slug
            on conflict (petition_slug) do update
                set accepted = reporting.petition_total.accepted + excluded.accepted,
                    updated_at = excluded.updated_at""";

    private final DataSource dataSource;

    public TotalsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts the signatures of the batch not counted before, in one round trip. */
    public void countAccepted(List<AcceptedSignature> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT_NEW_SIGNATURES)) {
            count.setArray(1, connection.createArrayOf("uuid",
                    batch.stream().map(AcceptedSignature::signatureId).toArray(UUID[]::new)));
            count.setArray(2, connection.createArrayOf("text",
                    batch.stream().map(AcceptedSignature::petitionSlug).toArray(String[]::new)));
            count.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count a batch of " + batch.size() + " signatures", e);
        }
    }

    public Optional<PetitionTotal> findTotal(String slug) {
        String sql = """
                select p.slug, coalesce(t.accepted, 0) as total, p.goal,
                       greatest(p.updated_at, t.updated_at) as updated_at
                from reporting.petition p left join reporting.petition_total t on t.petition_slug = p.slug
                where p.slug = ?""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new PetitionTotal(row.getString("slug"), row.getLong("total"),
                                row.getLong("goal"), row.getTimestamp("updated_at").toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the total of petition " + slug, e);
        }
    }
}
