package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.TopicTail;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.PipelineTopics;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * The failures of issue 4, injected at the exact moment they matter into the packaged dedup-service running as
 * a process: SIGKILL after its database commit and before its publish, SIGKILL after its publish and before its
 * offset commit, a broker restart while a batch is between the two, and a poison record in the middle of a
 * batch. After each: every submission has exactly one kind of outcome, every accepted id is on
 * {@code signatures.accepted} at least once and in {@code dedup.signature} exactly once, and no accepted id is
 * also called a duplicate. Each scenario signs its own petition, so one never sees another's records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DedupFailureInjectionIT {

    /** dedup's consumer group, as its application.properties names it. */
    private static final String DEDUP_GROUP = "dedup-service";
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SIGNATURES_SUBMITTED);
    /** The offset commit comes at most auto.commit.interval.ms (5 s) after the outcomes: a kill sometimes misses it. */
    private static final int ATTEMPTS_TO_KILL_BEFORE_THE_COMMIT = 3;

    private static LocalPipeline pipeline;
    private static KafkaProducer<String, String> producer;
    private static Admin admin;
    private static TopicTail topics;
    private static long begin;

    @BeforeAll
    static void startDedupAlone() {
        begin = System.nanoTime();
        // Kafka, PostgreSQL and dedup only: the submissions go straight to signatures.submitted, as intake sends them
        pipeline = PipelineUser.startPipeline("dedup-faults", EnumSet.of(PipelineService.DEDUP));
        Map<String, Object> config = pipeline.kafkaClientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // a batch is sent as one request per partition, so dedup's poll sees it whole
        config.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        admin = Admin.create(pipeline.kafkaClientConfig());
        topics = new TopicTail(pipeline.kafkaClientConfig(),
                List.of(Topics.SIGNATURES_ACCEPTED, Topics.SIGNATURES_REJECTED, DEAD_LETTERS));
        log("Kafka, PostgreSQL and dedup-service are up");
    }

    @AfterAll
    static void stopEverything() {
        Stream.<AutoCloseable>of(topics, admin, producer, pipeline).forEach(DedupFailureInjectionIT::closeQuietly);
    }

    /** A scenario that failed half-way leaves neither the broker down nor dedup dead for the next one. */
    @BeforeEach
    void brokerAndDedupRun() {
        pipeline.startKafka();
        if (!pipeline.isAlive(PipelineService.DEDUP)) {
            pipeline.restart(PipelineService.DEDUP);
        }
    }

    @Test
    @Order(1)
    void killedAfterTheDatabaseCommitBeforeThePublishItPublishesTheStoredDecisionsOnRestart() throws Exception {
        String slug = "fault-db-commit-" + shortId();
        List<SubmittedSignature> earlier = people(slug, 0, 100);
        send(earlier);
        awaitDedupCaughtUp();

        List<SubmittedSignature> held = new ArrayList<>(people(slug, 100, 400));
        held.addAll(repeats(slug, 0, 60));
        Set<UUID> committedUnpublished;
        try (Connection lock = lockSignatureTable()) {
            send(held);
            await().atMost(Duration.ofSeconds(30)).until(DedupFailureInjectionIT::dedupWaitsForTheLock);
            pipeline.stopKafka();
            log("dedup's insert waits for the table lock; broker stopped");
            lock.commit();
        }
        Set<UUID> earlierIds = ids(earlier);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedIds(slug).size() > earlierIds.size());
        committedUnpublished = new HashSet<>(storedIds(slug));
        committedUnpublished.removeAll(earlierIds);
        pipeline.crash(PipelineService.DEDUP);
        log(committedUnpublished.size() + " rows committed, their publish hanging; dedup killed (SIGKILL)");

        pipeline.startKafka();
        log("broker is back");
        topics.catchUp();
        assertThat(committedUnpublished).as("rows dedup committed and never published")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(outcomeIds(slug));
        pipeline.restart(PipelineService.DEDUP);
        log("dedup is back");

        List<SubmittedSignature> all = new ArrayList<>(earlier);
        all.addAll(held);
        assertOneOutcomeEach(slug, all, 400);
        assertThat(acceptedIds(slug)).as("the committed rows, replayed: accepted, not duplicates")
                .containsAll(committedUnpublished);
    }

    @Test
    @Order(2)
    void killedAfterThePublishBeforeTheOffsetCommitItPublishesTheSameOutcomesAgain() throws Exception {
        awaitDedupCaughtUp();
        for (int attempt = 1; attempt <= ATTEMPTS_TO_KILL_BEFORE_THE_COMMIT; attempt++) {
            String slug = "fault-offset-commit-" + shortId();
            List<SubmittedSignature> batch = new ArrayList<>(people(slug, 0, 300));
            batch.addAll(repeats(slug, 0, 50));
            Set<UUID> batchIds = ids(batch);
            send(batch);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                    .until(() -> outcomeIds(slug).containsAll(batchIds));
            pipeline.crash(PipelineService.DEDUP);
            // nothing commits for the group once its only member is dead: this lag is what the restart replays
            long uncommitted = dedupLag();
            log("every outcome on the topics; dedup killed with " + uncommitted + " of " + batch.size()
                    + " records uncommitted (attempt " + attempt + ")");
            pipeline.restart(PipelineService.DEDUP);

            assertOneOutcomeEach(slug, batch, 300);
            int outcomeRecords = outcomeRecords(slug).size();
            log(outcomeRecords + " outcome records for " + batch.size() + " submissions after the restart");
            if (uncommitted > 0) {
                assertThat(outcomeRecords).as("outcomes published again for the replayed records")
                        .isGreaterThanOrEqualTo(batch.size() + (int) uncommitted);
                return;
            }
            log("the offset commit came before the kill; trying again with a new batch");
        }
        log("the offset commit came first in every attempt: the replay after a publish was not exercised");
    }

    @Test
    @Order(3)
    void aBrokerRestartBetweenTheDatabaseCommitAndThePublishLosesNothingAndCountsNothingTwice() throws Exception {
        String slug = "fault-broker-restart-" + shortId();
        List<SubmittedSignature> batch = new ArrayList<>(people(slug, 0, 500));
        batch.addAll(repeats(slug, 0, 100));
        try (Connection lock = lockSignatureTable()) {
            send(batch);
            await().atMost(Duration.ofSeconds(30)).until(DedupFailureInjectionIT::dedupWaitsForTheLock);
            pipeline.stopKafka();
            lock.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !storedIds(slug).isEmpty());
        log(storedIds(slug).size() + " rows committed with the broker away; starting it again under a running dedup");
        pipeline.startKafka();
        log("broker is back");

        assertOneOutcomeEach(slug, batch, 500);
        assertThat(pipeline.isAlive(PipelineService.DEDUP)).as("dedup rode out the broker restart").isTrue();
    }

    @Test
    @Order(4)
    void aPoisonRecordInTheMiddleOfABatchGoesAloneToTheDeadLetterTopic() throws Exception {
        String slug = "fault-poison-" + shortId();
        List<SubmittedSignature> good = new ArrayList<>(people(slug, 0, 200));
        good.addAll(repeats(slug, 0, 20));
        String poison = "{\"schema_version\": 1, \"submission_id\": \"" + UUID.randomUUID() + "\", \"signer\": {";
        String poisonKey = slug + ":unreadable";

        // one request to one partition: the poison lands between its neighbours and dedup polls them together
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        int middle = good.size() / 2;
        for (int i = 0; i < good.size(); i++) {
            if (i == middle) {
                sent.add(producer.send(new ProducerRecord<>(Topics.SIGNATURES_SUBMITTED, 0, poisonKey, poison)));
            }
            sent.add(producer.send(new ProducerRecord<>(Topics.SIGNATURES_SUBMITTED, 0, good.get(i).key(),
                    KafkaTestClient.JSON.writeValueAsString(good.get(i)))));
        }
        producer.flush();
        List<RecordMetadata> offsets = new ArrayList<>();
        for (Future<RecordMetadata> ack : sent) {
            offsets.add(ack.get(10, TimeUnit.SECONDS));
        }
        RecordMetadata poisonAt = offsets.get(middle);
        assertThat(offsets.get(middle + 1).offset()).isEqualTo(poisonAt.offset() + 1);
        assertThat(offsets.get(middle - 1).offset()).isEqualTo(poisonAt.offset() - 1);

        assertOneOutcomeEach(slug, good, 200);
        List<ConsumerRecord<String, String>> deadLetters = topics.records(DEAD_LETTERS);
        // at least once, like every record: a batch consumed again (after the previous test's broker restart, a
        // commit can fail) sends its poison again, with the same source coordinates, which tell the repeats apart
        assertThat(deadLetters).as("the dead-letter topic holds the poison and nothing else").isNotEmpty()
                .allSatisfy(letter -> assertThat(header(letter, DeadLetters.OFFSET_HEADER))
                        .isEqualTo(String.valueOf(poisonAt.offset())));
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.key()).isEqualTo(poisonKey);
        assertThat(deadLetter.value()).as("the bytes as they arrived").isEqualTo(poison);
        assertThat(header(deadLetter, DeadLetters.TOPIC_HEADER)).isEqualTo(Topics.SIGNATURES_SUBMITTED);
        assertThat(header(deadLetter, DeadLetters.PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(deadLetter, DeadLetters.OFFSET_HEADER)).isEqualTo(String.valueOf(poisonAt.offset()));
        assertThat(header(deadLetter, DeadLetters.REASON_HEADER)).startsWith("unreadable");
    }

    /**
     * Waits until dedup has committed everything, then checks the invariants of issue 4 for one petition: every
     * submission exactly one kind of outcome and nothing else one, each person accepted once, and the table
     * holding exactly the accepted ids.
     */
    private static void assertOneOutcomeEach(String slug, List<SubmittedSignature> submitted, int people)
            throws Exception {
        awaitDedupCaughtUp();
        topics.catchUp();
        List<AcceptedSignature> accepted = accepted(slug);
        List<RejectedSignature> rejected = rejected(slug);
        Set<UUID> acceptedIds = accepted.stream().map(AcceptedSignature::signatureId).collect(Collectors.toSet());
        Set<UUID> rejectedIds = rejected.stream().map(RejectedSignature::submissionId).collect(Collectors.toSet());

        assertThat(outcomeIds(slug)).as("every submission has an outcome, and nothing else has")
                .isEqualTo(ids(submitted));
        assertThat(acceptedIds).as("accepted or rejected, never both").doesNotContainAnyElementsOf(rejectedIds);
        assertThat(rejected.stream().filter(rejection -> rejection.reason() == RejectionReason.DUPLICATE)
                .map(RejectedSignature::submissionId)).as("no accepted signature called a duplicate of itself")
                .doesNotContainAnyElementsOf(acceptedIds);
        Map<UUID, Set<RejectionReason>> reasons = rejected.stream().collect(Collectors.groupingBy(
                RejectedSignature::submissionId, Collectors.mapping(RejectedSignature::reason, Collectors.toSet())));
        assertThat(reasons.values()).as("one reason per rejected submission, however often it was replayed")
                .allMatch(reason -> reason.size() == 1);
        assertThat(acceptedIds).as("one accepted signature per person").hasSize(people);

        List<UUID> stored = storedIds(slug);
        assertThat(stored).as("dedup.signature: each accepted id exactly once, nothing else")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(acceptedIds);
        log(slug + ": " + submitted.size() + " submissions, " + acceptedIds.size() + " accepted (" + accepted.size()
                + " records), " + rejectedIds.size() + " rejected (" + rejected.size() + " records), "
                + stored.size() + " rows");
    }

    private static List<SubmittedSignature> people(String slug, int from, int to) {
        List<SubmittedSignature> submissions = new ArrayList<>();
        for (int person = from; person < to; person++) {
            submissions.add(submission(slug, person, "person" + person + "@example.org"));
        }
        return submissions;
    }

    /** The same people again, typed differently: the same mailbox, so duplicates. */
    private static List<SubmittedSignature> repeats(String slug, int from, int to) {
        List<SubmittedSignature> submissions = new ArrayList<>();
        for (int person = from; person < to; person++) {
            submissions.add(submission(slug, person, "PERSON" + person + "@Example.org"));
        }
        return submissions;
    }

    private static SubmittedSignature submission(String slug, int person, String email) {
        // intake's key hashes the canonical address: one person, one key, one partition
        return new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, "Failure injection",
                "person-" + person, new Signer("Person", String.valueOf(person), email, null, null), null,
                new Consent(person % 2 == 0, "v1", "en"), new RequestFacts(Instant.now(), "203.0.113.7", "test", null),
                false);
    }

    private static void send(List<SubmittedSignature> submissions) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (SubmittedSignature submission : submissions) {
            sent.add(producer.send(new ProducerRecord<>(Topics.SIGNATURES_SUBMITTED, submission.key(),
                    KafkaTestClient.JSON.writeValueAsString(submission))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : sent) {
            ack.get(10, TimeUnit.SECONDS);
        }
    }

    private static Set<UUID> ids(List<SubmittedSignature> submissions) {
        return submissions.stream().map(SubmittedSignature::submissionId).collect(Collectors.toSet());
    }

    private static List<AcceptedSignature> accepted(String slug) {
        return ofPetition(Topics.SIGNATURES_ACCEPTED, slug).stream()
                .map(record -> KafkaTestClient.parse(record.value(), AcceptedSignature.class)).toList();
    }

    private static List<RejectedSignature> rejected(String slug) {
        return ofPetition(Topics.SIGNATURES_REJECTED, slug).stream()
                .map(record -> KafkaTestClient.parse(record.value(), RejectedSignature.class)).toList();
    }

    private static Set<UUID> acceptedIds(String slug) {
        return accepted(slug).stream().map(AcceptedSignature::signatureId).collect(Collectors.toSet());
    }

    /** The ids with an outcome on the topics as read so far (call {@link TopicTail#catchUp()} first). */
    private static Set<UUID> outcomeIds(String slug) {
        topics.catchUp();
        Set<UUID> ids = new HashSet<>(acceptedIds(slug));
        rejected(slug).forEach(rejection -> ids.add(rejection.submissionId()));
        return ids;
    }

    private static List<ConsumerRecord<String, String>> outcomeRecords(String slug) {
        return Stream.concat(ofPetition(Topics.SIGNATURES_ACCEPTED, slug).stream(),
                ofPetition(Topics.SIGNATURES_REJECTED, slug).stream()).toList();
    }

    private static List<ConsumerRecord<String, String>> ofPetition(String topic, String slug) {
        return topics.records(topic).stream().filter(record -> record.key().startsWith(slug + ":")).toList();
    }

    /** Records of signatures.submitted dedup has not committed: what a restart of dedup would read again. */
    private static long dedupLag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(DEDUP_GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PipelineTopics.SIGNATURE_PARTITIONS; partition++) {
            latest.put(new TopicPartition(Topics.SIGNATURES_SUBMITTED, partition), OffsetSpec.latest());
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Dedup committed the offset of every submission: each is stored and its outcome acknowledged. */
    private static void awaitDedupCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> dedupLag() == 0);
    }

    /** Holds dedup's next insert until the returned transaction ends (a read still passes). */
    private static Connection lockSignatureTable() throws SQLException {
        Connection lock = database();
        lock.setAutoCommit(false);
        lock.createStatement().execute("lock table dedup.signature in exclusive mode");
        return lock;
    }

    private static boolean dedupWaitsForTheLock() throws SQLException {
        try (Connection connection = database();
                ResultSet row = connection.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like '%insert into dedup.signature%'""")) {
            row.next();
            return row.getLong(1) > 0;
        }
    }

    private static List<UUID> storedIds(String slug) throws SQLException {
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement(
                        "select submission_id from dedup.signature where petition_slug = ?")) {
            query.setString(1, slug);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static Connection database() throws SQLException {
        PostgresServer postgres = pipeline.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void log(String event) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - begin) / 1e9, event);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            if (part != null) {
                part.close();
            }
        } catch (Exception e) {
            System.err.println("could not close " + part + ": " + e.getMessage());
        }
    }
}
