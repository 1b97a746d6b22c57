package org.petitionpipeline.reporting.reports.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

@ApplicationScoped
public class ReportRepository {

    private final DataSource dataSource;

    public ReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts the reads of one report; the caller closes the snapshot. */
    public ReportSnapshot open(ReportScope scope) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new ReportSnapshot(connection, scope);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new IllegalStateException("could not start the report of petition " + scope.slug(), e);
        }
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
