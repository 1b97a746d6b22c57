package org.petitionpipeline.email.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** Builds the PostgreSQL arrays that batch statements unnest into rows. */
public final class Columns {

    private Columns() {
    }

    public static <T> Array of(Connection connection, String type, Collection<T> rows, Function<T, Object> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }
}
