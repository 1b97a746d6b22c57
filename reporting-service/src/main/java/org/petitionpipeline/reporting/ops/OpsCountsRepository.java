package org.petitionpipeline.reporting.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Running counts of what reporting has done, over all petitions, for the ops console's rates. */
@ApplicationScoped
public class OpsCountsRepository {

    private final DataSource dataSource;

    public OpsCountsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Signatures counted into totals since the start (one row per petition is read). */
    public long counted() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(sum(accepted), 0) from reporting.petition_total");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the counted signatures", e);
        }
    }

    /** Rejected submissions recorded, by reason. */
    public Map<String, Long> rejectedByReason() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select reason, count(*) from reporting.rejected_submission group by reason");
                ResultSet rows = query.executeQuery()) {
            Map<String, Long> byReason = new TreeMap<>();
            while (rows.next()) {
                byReason.put(rows.getString(1), rows.getLong(2));
            }
            return byReason;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rejections by reason", e);
        }
    }
}
