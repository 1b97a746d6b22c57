package org.petitionpipeline.local.tools.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.tools.TopicTail;
import org.petitionpipeline.local.tools.load.SignatureLoad.Receipt;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * Whether dedup, the record of truth, decided every acknowledged submission exactly once: a row in
 * {@code dedup.signature} (accepted, or held) or a rejection on {@code signatures.rejected} (dedup keeps no
 * table of rejections), never neither and never both. A rejection published twice by a replay is one outcome.
 *
 * @param acceptedByPetition the distinct accepted signatures of each petition, what its public total must be
 */
final class DedupAudit {

    record Findings(long receipts, long withoutOutcome, long withTwoOutcomes, Map<String, Long> acceptedByPetition) {
    }

    private static final String ACCEPTED_BY_PETITION = """
            select petition_slug, count(*) from dedup.signature where status = 'accepted' group by petition_slug""";

    private DedupAudit() {
    }

    /** {@code topics} must hold {@code signatures.rejected}, caught up. */
    static Findings check(Connection database, TopicTail topics, List<Receipt> receipts) throws SQLException {
        Set<UUID> stored = storedIds(database);
        Set<UUID> rejected = rejectedIds(topics);
        long without = 0;
        long both = 0;
        for (Receipt receipt : receipts) {
            boolean isStored = stored.contains(receipt.submissionId());
            boolean isRejected = rejected.contains(receipt.submissionId());
            if (!isStored && !isRejected) {
                without++;
            } else if (isStored && isRejected) {
                both++;
            }
        }
        return new Findings(receipts.size(), without, both, acceptedByPetition(database));
    }

    private static Map<String, Long> acceptedByPetition(Connection database) throws SQLException {
        Map<String, Long> accepted = new TreeMap<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(ACCEPTED_BY_PETITION)) {
            while (rows.next()) {
                accepted.put(rows.getString(1), rows.getLong(2));
            }
        }
        return accepted;
    }

    private static Set<UUID> rejectedIds(TopicTail topics) {
        Set<UUID> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : topics.records(Topics.SIGNATURES_REJECTED)) {
            try {
                ids.add(KafkaTestClient.parse(record.value(), RejectedSignature.class).submissionId());
            } catch (IllegalArgumentException poison) {
                // a fault run's poison record, not an outcome: the dead-letter check accounts for it
            }
        }
        return ids;
    }

    private static Set<UUID> storedIds(Connection database) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery("select submission_id from dedup.signature")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
