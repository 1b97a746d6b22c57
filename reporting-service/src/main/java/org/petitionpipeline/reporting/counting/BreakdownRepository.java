package org.petitionpipeline.reporting.counting;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

@ApplicationScoped
public class BreakdownRepository {

    /* The petition row comes back even without signatures, so an empty breakdown is told from no petition. */
    private static final String BREAKDOWN = """
            select b.dimension, b.bucket, b.accepted - b.invalidated as total
            from reporting.petition p
            left join reporting.breakdown_count b on b.petition_slug = p.slug and b.accepted > b.invalidated
            where p.slug = ?
            order by b.dimension, b.bucket""";

    private final DataSource dataSource;

    public BreakdownRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty when there is no such petition. */
    public Optional<PetitionBreakdown> find(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BREAKDOWN)) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Map<String, Long>> dimensions = new HashMap<>();
                boolean petitionExists = false;
                while (rows.next()) {
                    petitionExists = true;
                    String dimension = rows.getString("dimension");
                    if (dimension != null) {
                        dimensions.computeIfAbsent(dimension, name -> new LinkedHashMap<>())
                                .put(rows.getString("bucket"), rows.getLong("total"));
                    }
                }
                return petitionExists ? Optional.of(new PetitionBreakdown(slug, bucketsOf(dimensions, "country"),
                        bucketsOf(dimensions, "region"), bucketsOf(dimensions, "hour"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the breakdown of petition " + slug, e);
        }
    }

    private static Map<String, Long> bucketsOf(Map<String, Map<String, Long>> dimensions, String dimension) {
        return dimensions.getOrDefault(dimension, Map.of());
    }
}
