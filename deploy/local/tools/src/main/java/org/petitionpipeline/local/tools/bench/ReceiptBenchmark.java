package org.petitionpipeline.local.tools.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.RawKafkaRate;
import org.petitionpipeline.local.tools.RawPostgresRate;
import org.petitionpipeline.local.tools.SyntheticSubmissions;
import org.petitionpipeline.local.tools.load.StatementCounts;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * {@code ./run-local.sh bench-receipts [receipts] [smtp-sink|greenmail]}: how many signature receipts one
 * email-service records and hands to a real SMTP server per second, and the CPU each process spends per receipt,
 * next to this machine's raw Kafka and PostgreSQL rates measured in the same run. Only Kafka, PostgreSQL, the mail
 * catcher, email-service and an idle dedup-service run; the accepted signatures (half of them opted in to updates) go straight onto their
 * topic. By default the SMTP server is Postfix's {@code smtp-sink}, which takes every message and keeps none, so
 * the figure is email-service's; {@code greenmail} sends into the local run's mail catcher instead.
 */
public final class ReceiptBenchmark {

    private static final String PETITION = "bench-receipts";
    private static final int WARM_UP_RECEIPTS = 20_000;
    private static final String RECEIPTS = "from email.outbox where kind = 'SIGNATURE_RECEIPT'";

    private ReceiptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int receipts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean intoSink = args.length < 2 || args[1].equals("smtp-sink");
        if (!intoSink && !args[1].equals("greenmail")) {
            System.err.println("usage: ./run-local.sh bench-receipts [receipts] [smtp-sink|greenmail]");
            System.exit(64);
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int sinkPort = SmtpSink.freePort();
        LocalPipelineSettings settings = Benchmarks.settings("receipts", intoSink
                ? Map.of(PipelineService.EMAIL, Map.of("QUARKUS_MAILER_PORT", String.valueOf(sinkPort)))
                : Map.of());
        EmailHasher hasher = new EmailHasher(settings.secrets().emailHashKey());
        // the warm-up's signers and the measured ones are different people: every receipt goes to a new person
        List<SubmittedSignature> signers = SyntheticSubmissions.generate(WARM_UP_RECEIPTS + receipts, PETITION, 0,
                hasher);
        List<SubmittedSignature> warmUp = signers.subList(0, WARM_UP_RECEIPTS);
        List<SubmittedSignature> measured = signers.subList(WARM_UP_RECEIPTS, signers.size());
        try (SmtpSink sink = intoSink ? SmtpSink.start(sinkPort, settings.logDir()) : null;
                // dedup only idles (nothing is submitted): the raw PostgreSQL rate is measured on a copy of its table
                LocalPipeline pipeline = LocalPipeline.start(settings,
                        EnumSet.of(PipelineService.EMAIL, PipelineService.DEDUP), System.out::println);
                KafkaTestClient kafka = new KafkaTestClient(pipeline.kafkaClientConfig());
                Connection database = connect(pipeline.postgres())) {
            kafka.sendRaw(Topics.PETITIONS, PETITION, Benchmarks.openPetition(PETITION));

            System.out.printf("warming up with %,d receipts%n", WARM_UP_RECEIPTS);
            publish(pipeline, warmUp);
            awaitSent(database, WARM_UP_RECEIPTS, Duration.ofMinutes(5));

            double rawRowsPerSecond = RawPostgresRate.measure(pipeline.postgres(), measured);
            byte[] record = KafkaTestClient.JSON.writeValueAsString(accepted(measured.get(0)))
                    .getBytes(StandardCharsets.UTF_8);
            double rawRecordsPerSecond = RawKafkaRate.measure(pipeline.kafkaClientConfig(),
                    RawKafkaRate.intakeBatching(settings.home()), record);
            System.out.printf("raw PostgreSQL %,.0f rows/s, raw Kafka %,.0f records/s%n", rawRowsPerSecond,
                    rawRecordsPerSecond);

            boolean counting = StatementCounts.reset(database);
            Map<String, Duration> cpuBefore = cpuTimes(pipeline, sink);
            System.out.printf("sending %,d receipts%n", receipts);
            long start = System.nanoTime();
            publish(pipeline, measured);
            Progress done = awaitSent(database, WARM_UP_RECEIPTS + receipts, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Duration> cpu = cpuTimes(pipeline, sink);
            cpu.replaceAll((process, total) -> total.minus(cpuBefore.getOrDefault(process, Duration.ZERO)));
            String statements = counting ? StatementCounts.read(database).describe(receipts)
                    : "(this PostgreSQL has no pg_stat_statements loaded)";

            Benchmarks.publish("receipts.md", report(receipts, intoSink, seconds, done, cpu, statements,
                    rawRowsPerSecond, rawRecordsPerSecond, loadBefore));
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /** As dedup publishes them: each accepted signature is one receipt to queue and send. */
    private static void publish(LocalPipeline pipeline, List<SubmittedSignature> submissions)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(pipeline.kafkaClientConfig(),
                Map.of("linger.ms", "20", "batch.size", "131072"))) {
            for (SubmittedSignature submission : submissions) {
                AcceptedSignature signature = accepted(submission);
                producer.send(new ProducerRecord<>(Topics.SIGNATURES_ACCEPTED, signature.key(),
                        KafkaTestClient.JSON.writeValueAsBytes(signature)));
            }
            producer.flush();
        }
    }

    private static AcceptedSignature accepted(SubmittedSignature submission) {
        return new AcceptedSignature(EventSchema.VERSION, submission.submissionId(), submission.petitionSlug(),
                submission.petitionTitle(), submission.emailHash(), submission.signer(),
                submission.comments(), submission.consent(), submission.request(), "US-DC", Instant.now());
    }

    /** Polls once a second until {@code total} receipts are sent (or given up on); fails after {@code timeout}. */
    private static Progress awaitSent(Connection database, int total, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Progress progress = Progress.read(database);
            if (progress.sent() + progress.notSent() >= total) {
                return progress;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + timeout.toMinutes() + " min only " + progress.sent()
                        + " of " + total + " receipts were sent; see .local-run/bench-receipts/logs");
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private record Progress(long sent, long notSent) {

        static Progress read(Connection database) throws SQLException {
            try (Statement query = database.createStatement();
                    ResultSet row = query.executeQuery("select count(*) filter (where status = 'SENT'),"
                            + " count(*) filter (where status in ('FAILED', 'UNCERTAIN', 'SKIPPED')) " + RECEIPTS)) {
                row.next();
                return new Progress(row.getLong(1), row.getLong(2));
            }
        }
    }

    private static Map<String, Duration> cpuTimes(LocalPipeline pipeline, SmtpSink sink) {
        Map<String, Duration> cpu = new LinkedHashMap<>(pipeline.cpuTimes());
        if (sink != null) {
            cpu.put("SMTP server (Postfix smtp-sink)", sink.cpuTime());
        }
        return cpu;
    }

    private static String report(int receipts, boolean intoSink, double seconds, Progress done,
            Map<String, Duration> cpu, String statements, double rawRowsPerSecond, double rawRecordsPerSecond,
            double loadBefore) {
        String server = intoSink ? "Postfix's `smtp-sink` (takes every message, keeps none)"
                : "the local run's mail catcher (GreenMail, keeps every message)";
        String cpuRows = cpu.entrySet().stream()
                .map(entry -> "| %s | %.2f | %.0f |".formatted(entry.getKey(), entry.getValue().toNanos() / 1e9 / seconds,
                        entry.getValue().toNanos() / 1e3 / receipts))
                .collect(Collectors.joining("\n"));
        return """
                # Receipts: email-service into a real SMTP server

                Run on %s with `./run-local.sh bench-receipts %d %s`: Kafka (in the launcher JVM), PostgreSQL, the mail
                catcher, email-service and an idle dedup-service only, all on this machine (%d cores, 1-minute load average %.1f when the run
                began). %,d accepted signatures (half of the signers opted in to updates, so half the receipts carry an
                unsubscribe link) go onto `signatures.accepted` at once, after %,d receipts of warm-up; email-service
                records each signer and queues the receipt in one transaction per batch, then its sender hands them to
                %s. The clock runs from the first record produced until every receipt is recorded sent in the mail
                queue. The raw rates are measured in the same run, between the warm-up and the measured receipts.

                | what | figure |
                | --- | --- |
                | raw PostgreSQL: dedup's rows and `INSERT … ON CONFLICT`, batches of %d, one client | %,.0f rows/s |
                | raw Kafka producer: an accepted signature (acks=all, idempotent, intake's batching) | %,.0f records/s |
                | receipts recorded and sent | **%,.0f /s** (%,d in %.1f s) |
                | receipts not sent (failed, uncertain or skipped) | %,d |

                CPU of each process while it ran:

                | process | cores kept busy | CPU per receipt (µs) |
                | --- | --- | --- |
                %s

                What PostgreSQL ran per receipt (`pg_stat_statements`; "signature" = receipt here; the benchmark's own
                progress query, once a second, is among the selects):

                %s
                """.formatted(LocalDate.now(), receipts, intoSink ? "smtp-sink" : "greenmail",
                Runtime.getRuntime().availableProcessors(), loadBefore, receipts, WARM_UP_RECEIPTS, server,
                RawPostgresRate.BATCH, rawRowsPerSecond, rawRecordsPerSecond, receipts / seconds, receipts, seconds,
                done.notSent(), cpuRows, statements);
    }
}
