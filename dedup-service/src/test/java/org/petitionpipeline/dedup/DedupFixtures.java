package org.petitionpipeline.dedup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** What the dedup tests read back: one petition's rows in the record of truth and its outcomes on the topics. */
final class DedupFixtures {

    private DedupFixtures() {
    }

    static long storedRows(DataSource dataSource, String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from dedup.signature where petition_slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Every accepted record of the petition so far, repeats included (the topic is at-least-once). */
    static List<AcceptedSignature> accepted(KafkaTestClient kafka, String slug, Duration wait) {
        return kafka.readValues(Topics.SIGNATURES_ACCEPTED, 100_000, wait, AcceptedSignature.class).stream()
                .filter(signature -> signature.petitionSlug().equals(slug)).toList();
    }

    static List<RejectedSignature> rejected(KafkaTestClient kafka, String slug, Duration wait) {
        return kafka.readValues(Topics.SIGNATURES_REJECTED, 100_000, wait, RejectedSignature.class).stream()
                .filter(signature -> signature.petitionSlug().equals(slug)).toList();
    }
}
