package org.petitionpipeline.dedup;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/** PostgreSQL restarts while signatures arrive: dedup waits for it and goes on, it does not stop consuming. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class DatabaseRestartTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void signaturesArrivingWhileTheDatabaseIsDownAreDecidedOnceItIsBack() {
        String slug = "db-restart-" + UUID.randomUUID();
        List<SubmittedSignature> before = people(slug, 0, 50);
        List<SubmittedSignature> during = people(slug, 50, 100);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            before.forEach(signature -> kafka.send(Topics.SIGNATURES_SUBMITTED, signature.key(), signature));
            await().atMost(Duration.ofSeconds(20)).until(() -> acceptedIds(kafka, slug).size() == 50);

            PostgresTestResource.stopDatabase();
            during.forEach(signature -> kafka.send(Topics.SIGNATURES_SUBMITTED, signature.key(), signature));
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> acceptedIds(kafka, slug).size() == 50);
            PostgresTestResource.restartDatabase();

            Set<UUID> expected = new HashSet<>();
            before.forEach(signature -> expected.add(signature.submissionId()));
            during.forEach(signature -> expected.add(signature.submissionId()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> acceptedIds(kafka, slug).equals(expected));
        }
    }

    private static List<SubmittedSignature> people(String slug, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> DeduplicationTest.submitted(slug, "person" + i + "@example.org")).toList();
    }

    private static Set<UUID> acceptedIds(KafkaTestClient kafka, String slug) {
        Set<UUID> ids = new HashSet<>();
        DedupFixtures.accepted(kafka, slug, Duration.ofSeconds(1)).forEach(signature -> ids.add(signature.signatureId()));
        return ids;
    }
}
