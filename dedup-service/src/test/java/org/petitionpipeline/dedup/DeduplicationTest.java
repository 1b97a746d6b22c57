package org.petitionpipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.assertj.core.groups.Tuple;
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
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DeduplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    static SubmittedSignature submitted(String slug, String email) {
        return new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, "Title", "intake-hash",
                new Signer("Jane", "Doe", email, "20500", "US"), null, new Consent(true, "v1", "en"),
                new RequestFacts(Instant.now(), "203.0.113.7", "test", null), false);
    }

    @Test
    void onePersonSignsOnceWhateverTheCaseOrSpacingOfTheirAddress() throws Exception {
        String slug = "dedup-" + UUID.randomUUID();
        SubmittedSignature jane = submitted(slug, "jane@example.org");
        SubmittedSignature janeAgain = submitted(slug, " JANE@Example.org ");
        SubmittedSignature sam = submitted(slug, "sam@example.org");
        SubmittedSignature broken = submitted(slug, "not-an-address");

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (SubmittedSignature signature : List.of(jane, janeAgain, sam, broken)) {
                kafka.send(Topics.SIGNATURES_SUBMITTED, signature.key(), signature);
            }

            List<AcceptedSignature> accepted = await().atMost(WAIT).until(
                    () -> kafka.readValues(Topics.SIGNATURES_ACCEPTED, 1000, Duration.ofMillis(500),
                            AcceptedSignature.class).stream().filter(a -> a.petitionSlug().equals(slug)).toList(),
                    list -> list.size() >= 2);
            assertThat(accepted).extracting(AcceptedSignature::signatureId)
                    .containsExactlyInAnyOrder(jane.submissionId(), sam.submissionId());
            assertThat(accepted).extracting(a -> a.signer().email())
                    .containsExactlyInAnyOrder("jane@example.org", "sam@example.org");

            List<RejectedSignature> rejected = await().atMost(WAIT).until(
                    () -> kafka.readValues(Topics.SIGNATURES_REJECTED, 1000, Duration.ofMillis(500),
                            RejectedSignature.class).stream().filter(r -> r.petitionSlug().equals(slug)).toList(),
                    list -> list.size() >= 2);
            assertThat(rejected).extracting(RejectedSignature::submissionId, RejectedSignature::reason)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(janeAgain.submissionId(), RejectionReason.DUPLICATE),
                            Tuple.tuple(broken.submissionId(), RejectionReason.INVALID));
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(2);
    }

    @Test
    void replayedSubmissionIsAcceptedAgainNotCalledADuplicate() throws Exception {
        String slug = "replay-" + UUID.randomUUID();
        SubmittedSignature jane = submitted(slug, "jane@example.org");

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_SUBMITTED, jane.key(), jane);
            await().atMost(WAIT).until(() -> DedupFixtures.storedRows(dataSource, slug) == 1);
            // the same record again, as after a crash between the database commit and the offset commit
            kafka.send(Topics.SIGNATURES_SUBMITTED, jane.key(), jane);

            List<AcceptedSignature> accepted = await().atMost(WAIT).until(
                    () -> kafka.readValues(Topics.SIGNATURES_ACCEPTED, 1000, Duration.ofMillis(500),
                            AcceptedSignature.class).stream().filter(a -> a.petitionSlug().equals(slug)).toList(),
                    list -> list.size() >= 2);
            assertThat(accepted).extracting(AcceptedSignature::signatureId).containsOnly(jane.submissionId());
            assertThat(kafka.readValues(Topics.SIGNATURES_REJECTED, 1000, Duration.ofSeconds(1),
                    RejectedSignature.class)).noneMatch(r -> r.petitionSlug().equals(slug));
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheRestIsProcessed() throws Exception {
        String slug = "poison-" + UUID.randomUUID();
        SubmittedSignature before = submitted(slug, "before@example.org");
        SubmittedSignature after = submitted(slug, "after@example.org");
        SubmittedSignature withoutId = new SubmittedSignature(EventSchema.VERSION, null, slug, "Title", "h",
                before.signer(), null, before.consent(), before.request(), false);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_SUBMITTED, before.key(), before);
            kafka.sendRaw(Topics.SIGNATURES_SUBMITTED, slug + ":unreadable", "{\"submission_id\": ");
            kafka.send(Topics.SIGNATURES_SUBMITTED, slug + ":no-id", withoutId);
            kafka.send(Topics.SIGNATURES_SUBMITTED, after.key(), after);

            await().atMost(WAIT).until(() -> kafka.readValues(Topics.SIGNATURES_ACCEPTED, 1000, Duration.ofMillis(500),
                    AcceptedSignature.class).stream().filter(a -> a.petitionSlug().equals(slug)).count() == 2);

            List<ConsumerRecord<String, String>> deadLetters = await().atMost(WAIT).until(
                    () -> kafka.read(Topics.deadLetterOf(Topics.SIGNATURES_SUBMITTED), 1000, Duration.ofMillis(500))
                            .stream().filter(r -> r.key().startsWith(slug)).toList(),
                    list -> list.size() >= 2);
            assertThat(deadLetters).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(slug + ":unreadable", slug + ":no-id");
            ConsumerRecord<String, String> unreadable = deadLetters.stream()
                    .filter(r -> r.key().endsWith(":unreadable")).findFirst().orElseThrow();
            assertThat(unreadable.value()).as("the original bytes").isEqualTo("{\"submission_id\": ");
            assertThat(header(unreadable, DeadLetters.REASON_HEADER)).startsWith("unreadable");
            assertThat(header(unreadable, DeadLetters.TOPIC_HEADER)).isEqualTo(Topics.SIGNATURES_SUBMITTED);
            ConsumerRecord<String, String> incomplete = deadLetters.stream()
                    .filter(r -> r.key().endsWith(":no-id")).findFirst().orElseThrow();
            assertThat(header(incomplete, DeadLetters.REASON_HEADER)).isEqualTo("missing submission_id");
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(2);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
