package org.petitionpipeline.dedup;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * What the dedup tests send and read back: submissions, one petition's rows in the record of truth and its
 * outcomes on the topics.
 */
public final class DedupFixtures {

    static final Duration WAIT = Duration.ofSeconds(15);

    private DedupFixtures() {
    }

    /** Signed in Spanish, not the default language, so a test sees the language survive the database. */
    public static SubmittedSignature submission(String slug, String givenName, String email, String postalCode,
            String country, String clientIp, boolean household) {
        return new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, "Title", "intake-hash",
                new Signer(givenName, "Doe", email, postalCode, country), null, new Consent(true, "v1-es", "es"),
                new RequestFacts(Instant.now(), clientIp, "test", null), household);
    }

    /** Sends the submissions and waits until each has an outcome; returns all the petition's outcomes so far. */
    static TopicOutcomes outcomesOf(String bootstrapServers, String slug, SubmittedSignature... submissions) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (SubmittedSignature submission : submissions) {
                kafka.send(Topics.SIGNATURES_SUBMITTED, submission.key(), submission);
            }
            Set<UUID> sent = Stream.of(submissions).map(SubmittedSignature::submissionId).collect(Collectors.toSet());
            return await().atMost(WAIT).until(() -> outcomes(kafka, slug),
                    outcomes -> outcomes.decidedIds().containsAll(sent));
        }
    }

    /** The petition's outcomes on the topics so far. */
    static TopicOutcomes outcomesSoFar(String bootstrapServers, String slug) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return outcomes(kafka, slug);
        }
    }

    private static TopicOutcomes outcomes(KafkaTestClient kafka, String slug) {
        Duration wait = Duration.ofMillis(500);
        return new TopicOutcomes(accepted(kafka, slug, wait), rejected(kafka, slug, wait),
                kafka.readValues(Topics.SIGNATURES_INVALIDATED, 100_000, wait, InvalidatedSignature.class).stream()
                        .filter(signature -> signature.petitionSlug().equals(slug)).toList());
    }

    public static long storedRows(DataSource dataSource, String slug) throws SQLException {
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

    /** The status column of a stored signature: accepted, held or invalidated. */
    static String status(DataSource dataSource, UUID submissionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select status from dedup.signature where submission_id = ?")) {
            query.setObject(1, submissionId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
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

    /** A petition's outcomes so far on the three topics. */
    record TopicOutcomes(List<AcceptedSignature> accepted, List<RejectedSignature> rejected,
            List<InvalidatedSignature> invalidated) {

        Set<UUID> decidedIds() {
            return Stream.of(accepted.stream().map(AcceptedSignature::signatureId),
                    rejected.stream().map(RejectedSignature::submissionId),
                    invalidated.stream().map(InvalidatedSignature::signatureId))
                    .flatMap(ids -> ids).collect(Collectors.toSet());
        }
    }
}
