package org.petitionpipeline.local;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.PipelineTopics;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * {@code ./run-local.sh bench-dedup [records]}: how fast dedup-service turns submissions into outcomes,
 * next to how fast this machine's PostgreSQL takes the same rows batched by hand, measured in one run.
 * Only Kafka, PostgreSQL and dedup run; the records (15% repeats, typed differently) are on the topic before
 * the clock stops, so the figure is dedup's, not the producer's.
 */
public final class DedupBenchmark {

    private static final double REPEAT_SHARE = 0.15;
    private static final int BATCH = 500;
    private static final String PETITION = "bench";

    private DedupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        LocalPipelineSettings settings = Benchmarks.settings("dedup", LocalPipelineSettings.SYNTHETIC_SIGNERS);
        try (LocalPipeline pipeline = LocalPipeline.start(settings, EnumSet.of(PipelineService.DEDUP),
                System.out::println)) {
            List<SubmittedSignature> submissions = submissions(records, new EmailHasher(settings.secrets().emailHashKey()));
            long distinct = submissions.stream().map(s -> s.signer().email().strip().toLowerCase()).distinct().count();

            double rawRowsPerSecond = rawInsertRate(pipeline.postgres(), submissions);
            System.out.printf("raw PostgreSQL: %.0f rows/s (batches of %d, one client)%n", rawRowsPerSecond, BATCH);

            long start = System.nanoTime();
            double producedAfter = produce(pipeline.kafkaBootstrapServers(), submissions, start);
            awaitOutcomes(pipeline.kafkaBootstrapServers(), records);
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchPhases phases = BatchPhases.of(pipeline.url(PipelineService.DEDUP));

            Benchmarks.publish("dedup.md", report(records, distinct, seconds, producedAfter, rawRowsPerSecond, phases));
        }
    }

    private static List<SubmittedSignature> submissions(int records, EmailHasher hasher) {
        Random random = new Random(42);
        List<SubmittedSignature> submissions = new ArrayList<>(records);
        int people = 0;
        for (int i = 0; i < records; i++) {
            boolean repeat = people > 0 && random.nextDouble() < REPEAT_SHARE;
            int person = repeat ? random.nextInt(people) : people++;
            String address = repeat ? " Person" + person + "@Example.ORG " : "person" + person + "@example.org";
            String canonical = CanonicalEmail.of(address).orElseThrow();
            submissions.add(new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), PETITION, "Benchmark",
                    hasher.hash(canonical), new Signer("Person", String.valueOf(person), address, "20500", "US"),
                    null, new Consent(person % 2 == 0, "v1"),
                    new RequestFacts(Instant.now(), "203.0.113." + person % 250, "bench", null), false));
        }
        return submissions;
    }

    /** The same rows, the same table shape and statement as dedup's, batched by hand with one client. */
    private static double rawInsertRate(PostgresServer postgres, List<SubmittedSignature> submissions)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create schema if not exists bench");
                ddl.execute("drop table if exists bench.raw_signature");
                ddl.execute("create table bench.raw_signature (like dedup.signature including all)");
            }
            String sql = """
                    insert into bench.raw_signature (submission_id, petition_slug, email_hash, email, given_name,
                        family_name, postal_code, country, comments, email_updates, consent_text_version, client_ip,
                        user_agent, referrer, received_at, accepted_at)
                    select b.*, now() from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[]) as b
                    on conflict do nothing""";
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int from = 0; from < submissions.size(); from += BATCH) {
                    List<SubmittedSignature> batch = submissions.subList(from, Math.min(from + BATCH, submissions.size()));
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
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement cleanup = connection.createStatement()) {
                cleanup.execute("drop schema bench cascade");
            }
            return submissions.size() / seconds;
        }
    }

    private static Array column(Connection connection, String type, List<SubmittedSignature> batch,
            Function<SubmittedSignature, Object> value) throws SQLException {
        return connection.createArrayOf(type, batch.stream().map(value).toArray());
    }

    /** Produces every submission (acks=all, idempotent); returns the seconds it took since {@code start}. */
    private static double produce(String bootstrapServers, List<SubmittedSignature> submissions, long start)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(bootstrapServers,
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
    private static void awaitOutcomes(String bootstrapServers, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (outcomes(admin) < records) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static long outcomes(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(Topics.SIGNATURES_ACCEPTED, Topics.SIGNATURES_REJECTED)) {
            for (int partition = 0; partition < PipelineTopics.SIGNATURE_PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
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
                REPEAT_SHARE * 100, distinct, BATCH, rawRowsPerSecond, outcomesPerSecond, acceptedPerSecond,
                100 * outcomesPerSecond / rawRowsPerSecond, producedAfter, seconds, phases.batches(),
                (double) records / Math.max(1, phases.batches()), phases.busySeconds(),
                phases.perBatchMillis(phases.checksSeconds()), phases.perBatchMillis(phases.storeSeconds()),
                phases.perBatchMillis(phases.publishSeconds()));
    }
}
