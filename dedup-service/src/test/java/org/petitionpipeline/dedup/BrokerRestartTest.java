package org.petitionpipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/**
 * The broker goes away between dedup's database commit and its publish, and comes back: the batch in flight
 * has its rows committed and its outcomes not yet acknowledged, its offsets not committed. Afterwards every
 * submission must still have exactly one outcome, and the database each person once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class BrokerRestartTest {

    private static final int PEOPLE = 500;
    private static final int REPEATS = 100;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aBrokerRestartMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        String slug = "restart-" + UUID.randomUUID();
        List<SubmittedSignature> submissions = new ArrayList<>();
        for (int i = 0; i < PEOPLE + REPEATS; i++) {
            String email = i < PEOPLE ? "person" + i + "@example.org" : "PERSON" + (i - PEOPLE) + "@Example.org";
            submissions.add(new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, "Title", "h" + i,
                    new Signer("Pat", "Doe", email, null, null), null, new Consent(false, "v1", "en"),
                    new RequestFacts(Instant.now(), "203.0.113.7", "test", null), false));
        }
        send(submissions.subList(0, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> DedupFixtures.storedRows(dataSource, slug) == 100);

        // hold dedup's next insert on a table lock, so the broker can leave between its commit and its publish
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table dedup.signature in exclusive mode");
            send(submissions.subList(100, 400));
            await().atMost(Duration.ofSeconds(20)).until(this::dedupWaitsForTheLock);
            KafkaTestResource.stopBroker();
            lock.commit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> DedupFixtures.storedRows(dataSource, slug) > 100);
        KafkaTestResource.restartBroker();
        send(submissions.subList(400, submissions.size()));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            Set<UUID> submitted = new HashSet<>(submissions.stream().map(SubmittedSignature::submissionId).toList());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    outcomeIds(kafka, slug).containsAll(submitted));

            List<AcceptedSignature> accepted = DedupFixtures.accepted(kafka, slug, Duration.ofSeconds(2));
            List<RejectedSignature> rejected = DedupFixtures.rejected(kafka, slug, Duration.ofSeconds(2));
            Set<UUID> acceptedIds = new HashSet<>(accepted.stream().map(AcceptedSignature::signatureId).toList());
            Set<UUID> rejectedIds = new HashSet<>(rejected.stream().map(RejectedSignature::submissionId).toList());
            assertThat(acceptedIds).as("one accepted signature per person").hasSize(PEOPLE);
            assertThat(rejectedIds).as("every repeat rejected").hasSize(REPEATS)
                    .doesNotContainAnyElementsOf(acceptedIds);
            assertThat(rejected).extracting(RejectedSignature::reason).containsOnly(RejectionReason.DUPLICATE);
            assertThat(accepted.stream().map(a -> a.signer().email().toLowerCase(Locale.ROOT)).distinct())
                    .hasSize(PEOPLE);
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(PEOPLE);
    }

    private void send(List<SubmittedSignature> submissions) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            submissions.forEach(submission -> kafka.send(Topics.SIGNATURES_SUBMITTED, submission.key(), submission));
        }
    }

    private static Set<UUID> outcomeIds(KafkaTestClient kafka, String slug) {
        Set<UUID> ids = new HashSet<>();
        Stream.concat(DedupFixtures.accepted(kafka, slug, Duration.ofSeconds(2)).stream().map(AcceptedSignature::signatureId),
                DedupFixtures.rejected(kafka, slug, Duration.ofSeconds(2)).stream().map(RejectedSignature::submissionId)).forEach(ids::add);
        return ids;
    }

    private boolean dedupWaitsForTheLock() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like '%insert into dedup.signature%'""");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) > 0;
        }
    }
}
