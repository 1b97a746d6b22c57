package org.petitionpipeline.local.tools.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.petitionpipeline.local.tools.load.SignatureLoad.Receipt;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Kind;

/**
 * From a signer's 202 to the moment reporting counted the signature in the public total, for every k-th new
 * signer: {@code reporting.counted_signature.counted_at} minus the time the load generator had the 202. Both clocks
 * are this machine's. counted_at is the start of reporting's counting transaction, a few milliseconds before its
 * commit makes the count visible, so the figures err short by that much.
 *
 * @param latency    milliseconds, of the samples reporting counted
 * @param bySecond   per second of the run (by the 202), the samples' latencies, for the chart
 * @param notCounted samples never counted: their repeat, sent while the first was in flight, got there first
 */
public record EndToEndLatency(int samples, Histogram latency, Map<Integer, Histogram> bySecond, long notCounted) {

    private static final long MAX_MILLIS = TimeUnit.MINUTES.toMillis(30);
    private static final String COUNTED_AT = """
            select signature_id, (extract(epoch from counted_at) * 1000000)::bigint from reporting.counted_signature
            where signature_id = any(?::uuid[]) and counted_at is not null""";

    static EndToEndLatency measure(Connection database, List<Receipt> receipts, long runBeginEpochMicros,
            int sampleEvery) throws SQLException {
        List<Receipt> newSigners = receipts.stream().filter(receipt -> receipt.kind() == Kind.NEW_SIGNER).toList();
        Map<UUID, Receipt> samples = new HashMap<>();
        for (int i = 0; i < newSigners.size(); i += sampleEvery) {
            samples.put(newSigners.get(i).submissionId(), newSigners.get(i));
        }
        Histogram latency = new Histogram(MAX_MILLIS, 3);
        Map<Integer, Histogram> bySecond = new HashMap<>();
        long counted = 0;
        try (PreparedStatement query = database.prepareStatement(COUNTED_AT)) {
            query.setArray(1, database.createArrayOf("uuid", samples.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Receipt receipt = samples.get(rows.getObject(1, UUID.class));
                    // the 202 can reach the load generator a moment after reporting counted it: that is 0, not less
                    long millis = Math.max(0, (rows.getLong(2) - receipt.answeredEpochMicros()) / 1000);
                    latency.recordValue(Math.min(millis, MAX_MILLIS));
                    int second = (int) ((receipt.answeredEpochMicros() - runBeginEpochMicros) / 1_000_000);
                    bySecond.computeIfAbsent(second, s -> new Histogram(MAX_MILLIS, 2)).recordValue(Math.min(millis, MAX_MILLIS));
                    counted++;
                }
            }
        }
        return new EndToEndLatency(samples.size(), latency, bySecond, samples.size() - counted);
    }
}
