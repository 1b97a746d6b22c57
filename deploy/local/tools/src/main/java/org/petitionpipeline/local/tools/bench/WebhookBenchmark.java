package org.petitionpipeline.local.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.Http;
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
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver.Received;

/**
 * {@code ./run-local.sh bench-webhooks [events] [batch-size]}: how many {@code signature.accepted} webhooks one
 * reporting-service delivers per second to a receiver on this machine in batch mode, the CPU each process spends per
 * event, and whether a receiver answering in 5 s and one never answering change the pipeline's counting or the fast
 * receiver's rate and latency, next to this machine's raw Kafka and PostgreSQL rates measured in the same run. Kafka,
 * PostgreSQL, the mail catcher, reporting-service and an idle dedup-service run; the counted signatures go straight onto their topic, as
 * dedup publishes them. The receivers run in this JVM and check every signature.
 */
public final class WebhookBenchmark {

    private static final String ORGANIZATION = "bench-hooks";
    private static final String PETITION = "bench-webhooks";
    private static final int MOST_WARM_UP_EVENTS = 20_000;
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = Math.min(MOST_WARM_UP_EVENTS, events);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings = Benchmarks.settings("webhooks", Map.of());
        EmailHasher hasher = new EmailHasher(settings.secrets().emailHashKey());
        // every event is another person's, so no event waits for an earlier one of its signer
        List<SubmittedSignature> signers = SyntheticSubmissions.generate(warmUp + 3 * events, PETITION, 0,
                hasher);
        try (WebhookReceiver fast = new WebhookReceiver(request -> 204);
                WebhookReceiver otherFast = new WebhookReceiver(request -> 204);
                WebhookReceiver thirdFast = new WebhookReceiver(request -> 204);
                WebhookReceiver slow = new WebhookReceiver(request -> {
                    TimeUnit.MILLISECONDS.sleep(SLOW_ANSWER.toMillis());
                    return 204;
                });
                WebhookReceiver silent = new WebhookReceiver(request -> {
                    TimeUnit.HOURS.sleep(1);
                    return 204;
                });
                // dedup only idles (nothing is submitted): the raw PostgreSQL rate is measured on a copy of its table
                LocalPipeline pipeline = LocalPipeline.start(settings,
                        EnumSet.of(PipelineService.REPORTING, PipelineService.DEDUP), System.out::println);
                Connection database = connect(pipeline.postgres())) {
            URI reporting = pipeline.url(PipelineService.REPORTING);
            String owner = openPetition(reporting, settings.secrets().adminToken());
            String fastSecret = addEndpoint(reporting, owner, fast.url(), batchSize).secret();

            System.out.printf("warming up with %,d events%n", warmUp);
            publish(pipeline, signers.subList(0, warmUp));
            awaitEvents(fast, warmUp, Duration.ofMinutes(10));

            List<SubmittedSignature> alone = signers.subList(warmUp, warmUp + events);
            double rawRowsPerSecond = RawPostgresRate.measure(pipeline.postgres(), alone);
            byte[] record = KafkaTestClient.JSON.writeValueAsBytes(counted(alone.get(0)));
            double rawRecordsPerSecond = RawKafkaRate.measure(pipeline.kafkaClientConfig(),
                    RawKafkaRate.intakeBatching(settings.home()), record);
            System.out.printf("raw PostgreSQL %,.0f rows/s, raw Kafka %,.0f records/s%n", rawRowsPerSecond,
                    rawRecordsPerSecond);

            boolean counting = StatementCounts.reset(database);
            Phase one = measure("one receiver", pipeline, database, fast, alone, warmUp);
            String statements = counting ? StatementCounts.read(database).describe(events)
                    : "(this PostgreSQL has no pg_stat_statements loaded)";
            // the same three webhooks per event in the next two rounds: only how two receivers answer differs
            List<Endpoint> others = List.of(addEndpoint(reporting, owner, otherFast.url(), batchSize),
                    addEndpoint(reporting, owner, thirdFast.url(), batchSize));
            Phase allFast = measure("three receivers answering at once", pipeline, database, fast,
                    signers.subList(warmUp + events, warmUp + 2 * events), warmUp + events);
            for (Endpoint other : others) {
                expect(Http.delete(reporting.resolve("/api/admin/organizations/" + ORGANIZATION + "/webhooks/"
                        + other.id()), owner), 204, "the deletion of endpoint " + other.id());
            }
            addEndpoint(reporting, owner, slow.url(), batchSize);
            addEndpoint(reporting, owner, silent.url(), batchSize);
            Phase slowOnes = measure("one receiver answering at once, one in 5 s, one never", pipeline, database,
                    fast, signers.subList(warmUp + 2 * events, signers.size()), warmUp + 2 * events);
            Check check = Check.of(fast.received(), fastSecret);

            Benchmarks.publish("webhooks.md", report(events, batchSize, warmUp, List.of(one, allFast, slowOnes), check,
                    slow, silent, statements, rawRowsPerSecond, rawRecordsPerSecond, loadBefore));
        }
    }

    /** An organization with an owner, and its open petition; returns the owner's API token. */
    private static String openPetition(URI reporting, String operatorToken) throws Exception {
        HttpResponse<String> made = Http.postJson(reporting.resolve("/api/admin/organizations"),
                "{\"slug\": \"%s\", \"name\": \"Webhook benchmark\", \"owner_email\": \"owner@bench-hooks.example\"}"
                        .formatted(ORGANIZATION), operatorToken);
        expect(made, 201, "the organization");
        String owner = JSON.readTree(made.body()).at("/owner/first_token").asText();
        expect(Http.postJson(reporting.resolve("/api/admin/petitions"), """
                {"slug": "%s", "title": "Benchmark", "text": "Signed by a load generator.", "organization": "%s",
                 "targets": [{"name": "Nobody", "title": "Test target"}], "goal": 10000000}"""
                .formatted(PETITION, ORGANIZATION), owner), 201, "the petition");
        return owner;
    }

    private record Endpoint(String id, String secret) {
    }

    /** An endpoint for {@code signature.accepted} at {@code url}. */
    private static Endpoint addEndpoint(URI reporting, String owner, String url, int batchSize) throws Exception {
        HttpResponse<String> added = Http.postJson(
                reporting.resolve("/api/admin/organizations/" + ORGANIZATION + "/webhooks"),
                "{\"url\": \"%s\", \"event_types\": [\"signature.accepted\"], \"batch_size\": %d}"
                        .formatted(url, batchSize), owner);
        expect(added, 201, "the webhook endpoint " + url);
        JsonNode endpoint = JSON.readTree(added.body());
        return new Endpoint(endpoint.get("id").asText(), endpoint.get("secret").asText());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("reporting did not make " + what + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /** One measured round: the clock runs from the first record produced until the fast receiver has them all. */
    private static Phase measure(String name, LocalPipeline pipeline, Connection database, WebhookReceiver fast,
            List<SubmittedSignature> signatures, int before) throws Exception {
        System.out.printf("%s: %,d events%n", name, signatures.size());
        Map<String, Duration> cpuBefore = pipeline.cpuTimes();
        int receivedBefore = fast.received().size();
        long start = System.nanoTime();
        publish(pipeline, signatures);
        double counted = awaitCounted(database, before + signatures.size(), start, Duration.ofMinutes(10));
        awaitEvents(fast, before + signatures.size(), Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Duration> cpu = new LinkedHashMap<>(pipeline.cpuTimes());
        // the launcher JVM is this one: the Kafka broker, the producer and the receivers
        cpu.replaceAll((process, total) -> total.minus(cpuBefore.getOrDefault(process, Duration.ZERO)));
        List<Received> requests = fast.received();
        List<Long> latencies = new ArrayList<>();
        for (Received request : requests.subList(receivedBefore, requests.size())) {
            for (JsonNode event : request.events()) {
                latencies.add(Duration.between(Instant.parse(event.get("created_at").asText()),
                        request.receivedAt()).toMillis());
            }
        }
        Collections.sort(latencies);
        return new Phase(name, signatures.size(), seconds, counted, requests.size() - receivedBefore,
                percentile(latencies, 0.5), percentile(latencies, 0.99), cpu);
    }

    private record Phase(String name, int events, double seconds, double countedSeconds, int posts, long p50,
            long p99, Map<String, Duration> cpu) {
    }

    /** What the fast receiver got over the whole run: every event once, every request signed. */
    private record Check(int distinct, int duplicates, int badlySigned, int requests) {

        static Check of(List<Received> requests, String secret) {
            Set<String> ids = new HashSet<>();
            int duplicates = 0;
            int badlySigned = 0;
            for (Received request : requests) {
                badlySigned += request.signedWith(secret) ? 0 : 1;
                for (JsonNode event : request.events()) {
                    duplicates += ids.add(event.get("id").asText()) ? 0 : 1;
                }
            }
            return new Check(ids.size(), duplicates, badlySigned, requests.size());
        }
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(share * sorted.size())));
    }

    /** As dedup publishes them: each accepted signature counted by reporting, one webhook per endpoint. */
    private static void publish(LocalPipeline pipeline, List<SubmittedSignature> signatures) throws Exception {
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(pipeline.kafkaClientConfig(),
                Map.of("linger.ms", "20", "batch.size", "131072"))) {
            for (SubmittedSignature signature : signatures) {
                CountedSignature event = counted(signature);
                producer.send(new ProducerRecord<>(Topics.SIGNATURES_COUNTED, event.key(),
                        KafkaTestClient.JSON.writeValueAsBytes(event)));
            }
            producer.flush();
        }
    }

    private static CountedSignature counted(SubmittedSignature submission) {
        return new CountedSignature(EventSchema.VERSION, submission.submissionId(), PETITION,
                submission.emailHash(), submission.signer().givenName(), submission.signer().familyName(),
                submission.signer().postalCode(), submission.signer().country(), "US-DC", submission.comments(),
                Instant.now());
    }

    /** Seconds from {@code start} until reporting counted {@code total} signers of the petition. */
    private static double awaitCounted(Connection database, int total, long start, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement count = database.prepareStatement(
                "select count(*) from reporting.signer where petition_slug = ?")) {
            count.setString(1, PETITION);
            while (true) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= total) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("after " + timeout.toMinutes() + " min reporting had counted "
                                + row.getLong(1) + " of " + total + "; see .local-run/bench-webhooks/logs");
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Polls until the receiver holds {@code total} events; fails after {@code timeout}. */
    private static void awaitEvents(WebhookReceiver receiver, int total, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            List<Received> requests = receiver.received();
            for (int i = seen; i < requests.size(); i++) {
                total -= requests.get(i).events().size();
            }
            seen = requests.size();
            if (total <= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + timeout.toMinutes() + " min " + total
                        + " events had not arrived; see .local-run/bench-webhooks/logs");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String report(int events, int batchSize, int warmUp, List<Phase> phases, Check check,
            WebhookReceiver slow, WebhookReceiver silent, String statements, double rawRowsPerSecond, double rawRecordsPerSecond, double loadBefore) {
        String rates = phases.stream().map(phase -> "| %s | %,d | **%,.0f /s** (%.1f s) | %,.0f /s (%.1f s) | %,d | %,d / %,d |"
                .formatted(phase.name(), phase.events(), phase.events() / phase.seconds(), phase.seconds(),
                        phase.events() / phase.countedSeconds(), phase.countedSeconds(), phase.posts(), phase.p50(),
                        phase.p99()))
                .collect(Collectors.joining("\n"));
        String cpu = phases.stream().flatMap(phase -> phase.cpu().entrySet().stream()
                .map(entry -> "| %s | %s | %.2f | %.0f |".formatted(phase.name(), entry.getKey(),
                        entry.getValue().toNanos() / 1e9 / phase.seconds(),
                        entry.getValue().toNanos() / 1e3 / phase.events())))
                .collect(Collectors.joining("\n"));
        return """
                # Webhooks: reporting-service delivering signature events in batch mode

                Run on %s with `./run-local.sh bench-webhooks %d %d`: Kafka (in this benchmark's JVM), PostgreSQL, the
                mail catcher, reporting-service and an idle dedup-service, all on this machine (%d cores, 1-minute load average %.1f when the
                run began). An organization's petition has an endpoint for `signature.accepted` in batch mode (%d
                events per POST) at a receiver in this JVM that answers `204` at once. Counted signatures, each of
                another signer, go onto `signatures.counted` at once, as dedup publishes them; reporting counts each,
                writes its webhook in the same transaction, and its delivery worker posts them. The clock runs from the
                first record produced until the receiver holds every event, after %,d events of warm-up. A second round
                of as many events runs with two more endpoints on the same petition whose receivers also answer at once;
                a third with those two replaced by one whose receiver answers after %d s and one whose receiver never
                answers (reporting gives up on a request after 10 s). Both queue three webhooks per event, so what
                differs between them is only how two receivers answer. The raw rates are measured in the same run,
                between the warm-up and the first round.

                | what | figure |
                | --- | --- |
                | raw PostgreSQL: dedup's rows and `INSERT … ON CONFLICT`, batches of %d, one client | %,.0f rows/s |
                | raw Kafka producer: a counted signature (acks=all, idempotent, intake's batching) | %,.0f records/s |

                | round | events | delivered to the fast receiver | counted by reporting | POSTs | latency p50 / p99 (ms, counted event → receiver) |
                | --- | --- | --- | --- | --- | --- |
                %s

                The fast receiver, over the whole run: %,d distinct events in %,d requests, %,d duplicates, %,d requests
                whose signature did not verify. Meanwhile the slow receiver was sent %,d requests and the silent one %,d.

                CPU of each process while each round ran:

                | round | process | cores kept busy | CPU per event (µs) |
                | --- | --- | --- | --- |
                %s

                What PostgreSQL ran in the first round, per event:

                %s
                """.formatted(LocalDate.now(), events, batchSize, Runtime.getRuntime().availableProcessors(),
                loadBefore, batchSize, warmUp, SLOW_ANSWER.toSeconds(), RawPostgresRate.BATCH,
                rawRowsPerSecond, rawRecordsPerSecond, rates, check.distinct(), check.requests(), check.duplicates(),
                check.badlySigned(), slow.received().size(), silent.received().size(), cpu, statements);
    }
}
