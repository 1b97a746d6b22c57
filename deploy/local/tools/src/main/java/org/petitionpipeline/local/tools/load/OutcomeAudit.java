package org.petitionpipeline.local.tools.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.tools.Polling;
import org.petitionpipeline.local.tools.load.SignatureLoad.Receipt;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Kind;

/**
 * Whether the pipeline lost or double-counted anything a load run sent: every 202 must end with exactly one
 * outcome where reporting keeps them (counted, or recorded as rejected), nothing may have an outcome that nobody
 * was told was received, and each petition's public total must be its distinct accepted signers.
 */
public final class OutcomeAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_QUERY = 20_000;
    private static final String OUTCOMES_OF_RECEIPTS = """
            select count(*) filter (where c.signature_id is null and r.submission_id is null),
                   count(*) filter (where c.signature_id is not null and r.submission_id is not null)
            from unnest(?::uuid[]) as receipt(id)
            left join reporting.counted_signature c on c.signature_id = receipt.id and c.counted_at is not null
            left join reporting.rejected_submission r on r.submission_id = receipt.id""";
    private static final String ALL_OUTCOMES = """
            select (select count(*) from reporting.counted_signature where counted_at is not null)
                 + (select count(*) from reporting.rejected_submission)""";

    /** @param totals per petition: the public total, and the distinct signers intake acknowledged */
    public record Findings(long receipts, long withoutOutcome, long withTwoOutcomes, long outcomesWithoutReceipt,
            Map<String, long[]> totals) {

        boolean lostOrDoubleCounted() {
            return withoutOutcome > 0 || withTwoOutcomes > 0 || outcomesWithoutReceipt > 0
                    || totals.values().stream().anyMatch(total -> total[0] != total[1]);
        }

        public String describe() {
            return "%,d acknowledged: %,d without an outcome, %,d with two, %,d outcomes nobody was acknowledged for; totals (public / expected) %s"
                    .formatted(receipts, withoutOutcome, withTwoOutcomes, outcomesWithoutReceipt, totals.entrySet()
                            .stream().map(t -> t.getKey() + " " + t.getValue()[0] + "/" + t.getValue()[1])
                            .collect(Collectors.joining(", ")));
        }
    }

    private OutcomeAudit() {
    }

    /**
     * Waits until reporting holds an outcome for every 202; false if that did not happen in time. Each receipt is
     * looked up: a count of all outcomes would be reached early by submissions recorded though refused (a 503
     * after the producer had the record), while acknowledged ones were still on their way.
     */
    static boolean awaitSettled(Connection database, List<Receipt> receipts, Duration timeout) throws Exception {
        return Polling.until(() -> outcomesOf(database, receipts)[0] == 0, timeout);
    }

    static Findings check(Connection database, URI reporting, List<String> slugs, List<Receipt> receipts)
            throws SQLException {
        long[] outcomes = outcomesOf(database, receipts);
        long withoutOutcome = outcomes[0];
        long withTwo = outcomes[1];
        long outcomesOfReceipts = receipts.size() - withoutOutcome + withTwo;
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Long> expected = distinctSigners(receipts);
        for (String slug : slugs) {
            totals.put(slug, new long[] {publicTotal(reporting, slug), expected.getOrDefault(slug, 0L)});
        }
        return new Findings(receipts.size(), withoutOutcome, withTwo, allOutcomes(database) - outcomesOfReceipts,
                totals);
    }

    private static Map<String, Long> distinctSigners(List<Receipt> receipts) {
        return receipts.stream().filter(receipt -> receipt.kind() == Kind.NEW_SIGNER || receipt.kind() == Kind.REPEAT)
                .collect(Collectors.groupingBy(Receipt::slug,
                        Collectors.collectingAndThen(Collectors.mapping(Receipt::person, Collectors.toSet()),
                                signers -> (long) signers.size())));
    }

    private static long publicTotal(URI reporting, String slug) {
        try {
            return JSON.readTree(Http.get(reporting.resolve("/api/petitions/" + slug + "/total")).body())
                    .get("total").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("the total of " + slug + " is not JSON", e);
        }
    }

    /** Of the receipts: how many have no outcome in reporting, and how many have two. */
    private static long[] outcomesOf(Connection database, List<Receipt> receipts) throws SQLException {
        long[] outcomes = new long[2];
        try (PreparedStatement query = database.prepareStatement(OUTCOMES_OF_RECEIPTS)) {
            for (int from = 0; from < receipts.size(); from += IDS_PER_QUERY) {
                UUID[] ids = receipts.subList(from, Math.min(from + IDS_PER_QUERY, receipts.size())).stream()
                        .map(Receipt::submissionId).toArray(UUID[]::new);
                query.setArray(1, database.createArrayOf("uuid", ids));
                try (ResultSet counts = query.executeQuery()) {
                    counts.next();
                    outcomes[0] += counts.getLong(1);
                    outcomes[1] += counts.getLong(2);
                }
            }
        }
        return outcomes;
    }

    private static long allOutcomes(Connection database) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet count = statement.executeQuery(ALL_OUTCOMES)) {
            count.next();
            return count.getLong(1);
        }
    }
}
