package org.petitionpipeline.local.tools;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * This machine's ceilings under the pipeline, measured in the same run as the load so their ratios mean
 * something on a shared machine: Kafka's producer rate for intake's records and settings, PostgreSQL's batched
 * insert rate for dedup's rows.
 */
public record RawLimits(double kafkaRecordsPerSecond, int recordBytes, Map<String, String> batching,
        double postgresRowsPerSecond) {

    private static final int POSTGRES_ROWS = 100_000;

    /** Call with the pipeline idle and at least one signature submitted: its record is the one measured. */
    public static RawLimits measure(LocalPipeline pipeline) throws SQLException {
        byte[] intakeRecord;
        try (KafkaTestClient kafka = new KafkaTestClient(pipeline.kafkaClientConfig())) {
            intakeRecord = kafka.read(Topics.SIGNATURES_SUBMITTED, 1, Duration.ofSeconds(10)).get(0).value()
                    .getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> batching = RawKafkaRate.intakeBatching(pipeline.settings().home());
        double kafka = RawKafkaRate.measure(pipeline.kafkaClientConfig(), batching, intakeRecord);
        System.out.printf("raw Kafka producer: %,.0f records/s%n", kafka);
        double postgres = RawPostgresRate.measure(pipeline.postgres(), SyntheticSubmissions.generate(POSTGRES_ROWS,
                "raw", 0.15, new EmailHasher(pipeline.settings().secrets().emailHashKey())));
        System.out.printf("raw PostgreSQL: %,.0f rows/s%n", postgres);
        return new RawLimits(kafka, intakeRecord.length, batching, postgres);
    }
}
