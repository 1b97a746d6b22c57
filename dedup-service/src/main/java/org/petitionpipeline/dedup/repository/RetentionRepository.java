package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The signatures of petitions whose retention ran out, anonymized as an erasure anonymizes a person's. */
@ApplicationScoped
public class RetentionRepository {

    /** What an anonymized row says instead of why it was held or struck out. */
    public static final String RETAINED_REASON = "anonymized when the petition's retention ran out";

    private final DataSource dataSource;

    public RetentionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Anonymizes every signature of the petition in one statement and returns how many rows it changed (none when
     * done before). No tombstone: a closed petition takes no new signatures.
     */
    public int anonymizePetition(String slug) {
        try (Connection connection = dataSource.getConnection()) {
            return SignatureAnonymizer.petition(connection, slug, RETAINED_REASON);
        } catch (SQLException e) {
            throw new IllegalStateException("could not anonymize the signatures of petition " + slug, e);
        }
    }
}
