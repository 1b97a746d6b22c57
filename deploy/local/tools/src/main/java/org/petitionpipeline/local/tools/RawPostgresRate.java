package org.petitionpipeline.local.tools;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * This machine's ceiling for dedup's writes: the same rows, table shape and statement as dedup's
 * ({@code INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING}), batched by hand with one client, into a scratch
 * copy of {@code dedup.signature} dropped afterwards.
 */
public final class RawPostgresRate {

    public static final int BATCH = 500;
    private static final String INSERT = """
            insert into bench.raw_signature (submission_id, petition_slug, email_hash, email, given_name,
                family_name, postal_code, country, comments, email_updates, consent_text_version, client_ip,
                user_agent, referrer, received_at, accepted_at)
            select b.*, now() from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::timestamptz[]) as b
            on conflict do nothing""";

    private RawPostgresRate() {
    }

    /** Rows per second. */
    public static double measure(PostgresServer postgres, List<SubmittedSignature> submissions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create schema if not exists bench");
                ddl.execute("drop table if exists bench.raw_signature");
                ddl.execute("create table bench.raw_signature (like dedup.signature including all)");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int from = 0; from < submissions.size(); from += BATCH) {
                    insertBatch(connection, insert, submissions.subList(from, Math.min(from + BATCH, submissions.size())));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement cleanup = connection.createStatement()) {
                cleanup.execute("drop schema bench cascade");
            }
            return submissions.size() / seconds;
        }
    }

    private static void insertBatch(Connection connection, PreparedStatement insert, List<SubmittedSignature> batch)
            throws SQLException {
        insert.setArray(1, column(connection, "uuid", batch, SubmittedSignature::submissionId));
        insert.setArray(2, column(connection, "text", batch, SubmittedSignature::petitionSlug));
        insert.setArray(3, column(connection, "text", batch, SubmittedSignature::emailHash));
        insert.setArray(4, column(connection, "text", batch, s -> s.signer().email()));
        insert.setArray(5, column(connection, "text", batch, s -> s.signer().givenName()));
        insert.setArray(6, column(connection, "text", batch, s -> s.signer().familyName()));
        insert.setArray(7, column(connection, "text", batch, s -> s.signer().postalCode()));
        insert.setArray(8, column(connection, "text", batch, s -> s.signer().country()));
        insert.setArray(9, column(connection, "text", batch, SubmittedSignature::comments));
        insert.setArray(10, column(connection, "boolean", batch, s -> s.consent().emailUpdates()));
        insert.setArray(11, column(connection, "text", batch, s -> s.consent().textVersion()));
        insert.setArray(12, column(connection, "text", batch, s -> s.request().clientIp()));
        insert.setArray(13, column(connection, "text", batch, s -> s.request().userAgent()));
        insert.setArray(14, column(connection, "text", batch, s -> s.request().referrer()));
        insert.setArray(15, column(connection, "timestamptz", batch, s -> Timestamp.from(s.request().receivedAt())));
        insert.executeUpdate();
    }

    private static Array column(Connection connection, String type, List<SubmittedSignature> batch,
            Function<SubmittedSignature, Object> value) throws SQLException {
        return connection.createArrayOf(type, batch.stream().map(value).toArray());
    }
}
