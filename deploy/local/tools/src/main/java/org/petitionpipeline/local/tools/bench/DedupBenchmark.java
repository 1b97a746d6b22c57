package org.petitionpipeline.local.tools.bench;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.RawPostgresRate;
import org.petitionpipeline.local.tools.SyntheticSubmissions;
import org.petitionpipeline.local.tools.TopicEnds;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * {@code ./run-local.sh bench-dedup [records]}: how fast dedup-service turns submissions into outcomes,
 * next to how fast this machine's PostgreSQL takes the same rows batched by hand, measured in one run.
 * Only Kafka, PostgreSQL and dedup run; the records (15% repeats, typed differently) are on the topic before
 * the clock stops, so the figure is dedup's, not the producer's.
 */
public final class DedupBenchmark {

    private static final double REPEAT_SHARE = 0.15;
    private static final String PETITION = "bench";

    private DedupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        LocalPipelineSettings settings = Benchmarks.settings("dedup", LocalPipelineSettings.SYNTHETIC_SIGNERS);
        try (LocalPipeline pipeline = LocalPipeline.start(settings, EnumSet.of(PipelineService.DEDUP),
                System.out::println)) {
            List<SubmittedSignature> submissions = SyntheticSubmissions.generate(records, PETITION, REPEAT_SHARE,
                    new EmailHasher(settings.secrets().emailHashKey()));
            long distinct = submissions.stream().map(s -> s.signer().email().strip().toLowerCase()).distinct().count();

            double rawRowsPerSecond = RawPostgresRate.measure(pipeline.postgres(), submissions);
            System.out.printf("raw PostgreSQL: %.0f rows/s (batches of %d, one client)%n", rawRowsPerSecond,
                    RawPostgresRate.BATCH);

            long start = System.nanoTime();
            double producedAfter = produce(pipeline.kafkaClientConfig(), submissions, start);
            awaitOutcomes(pipeline.kafkaClientConfig(), records);
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchPhases phases = BatchPhases.of(pipeline.url(PipelineService.DEDUP));

            Benchmarks.publish("dedup.md", report(records, distinct, seconds, producedAfter, rawRowsPerSecond, phases));
        }
    }

    /** Produces every submission (acks=all, idempotent); returns the seconds it took since {@code start}. */
    private static double produce(Map<String, Object> kafka, List<SubmittedSignature> submissions, long start)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(kafka,
                Map.of("linger.ms", "20", "batch.size", "131072"))) {
            for (SubmittedSignature submission : submissions) {
                producer.send(new ProducerRecord<>(Topics.SIGNATURES_SUBMITTED, submission.key(),
                        KafkaTestClient.JSON.writeValueAsBytes(submission)));
            }
            producer.flush();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Every submission has an outcome once accepted + rejected hold as many records as were submitted. */
    private static void awaitOutcomes(Map<String, Object> kafka, int records) throws Exception {
        try (TopicEnds ends = new TopicEnds(kafka)) {
            while (ends.records(Topics.SIGNATURES_ACCEPTED) + ends.records(Topics.SIGNATURES_REJECTED) < records) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static String report(int records, long distinct, double seconds, double producedAfter,
            double rawRowsPerSecond, BatchPhases phases) {
        double outcomesPerSecond = records / seconds;
        double acceptedPerSecond = distinct / seconds;
        return """
                # dedup-service benchmark

                Run on %s with `./run-local.sh bench-dedup %d`: Kafka (in the launcher JVM), PostgreSQL and dedup-service
                only, all on this machine (%d cores). %d submissions to one petition, %.0f%% of them repeats typed
                differently (%d distinct people). dedup reads poll batches (up to `max.poll.records`), stores each with
                one `INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING`, publishes every outcome with acks=all and waits
                for the acknowledgements before committing offsets. The raw PostgreSQL figure is measured first, with
                nothing else busy; dedup's shares the 2 cores with the broker, the producer and PostgreSQL.

                | what | figure |
                | --- | --- |
                | raw PostgreSQL: the same rows, table and statement, batches of %d, one client | %,.0f rows/s |
                | dedup: submissions → outcomes (accepted or rejected) | %,.0f records/s |
                | dedup: accepted signatures | %,.0f accepted/s |
                | dedup outcomes as a share of the raw PostgreSQL rate | %.0f%% |
                | producing all submissions (acks=all, idempotent) took | %.1f s of the %.1f s |
                | batches, and dedup busy with them | %,d batches (%.0f records each), %.1f s |
                | per batch: checks / store (one insert) / decide and publish with acks | %.1f / %.1f / %.1f ms |
                """.formatted(LocalDate.now(), records, Runtime.getRuntime().availableProcessors(), records,
                REPEAT_SHARE * 100, distinct, RawPostgresRate.BATCH, rawRowsPerSecond, outcomesPerSecond, acceptedPerSecond,
                100 * outcomesPerSecond / rawRowsPerSecond, producedAfter, seconds, phases.batches(),
                (double) records / Math.max(1, phases.batches()), phases.busySeconds(),
                phases.perBatchMillis(phases.checksSeconds()), phases.perBatchMillis(phases.storeSeconds()),
                phases.perBatchMillis(phases.publishSeconds()));
    }
}
