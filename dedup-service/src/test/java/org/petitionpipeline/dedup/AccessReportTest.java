package org.petitionpipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AccessReportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAccessRequestIsAnsweredOnceWithEverySignatureOfThePersonAndNothingOfAnyoneElse() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "access-a-" + run;
        String second = "access-b-" + run;
        String janeEmail = "jane-" + run + "@example.org";
        SubmittedSignature janeFirst = DedupFixtures.submission(first, "Jane" + run, janeEmail, "20500", "US",
                "198.51.100.7", false);
        SubmittedSignature samFirst = DedupFixtures.submission(first, "Sam" + run, "sam-" + run + "@example.org",
                "20501", "US", "198.51.100.8", false);
        SubmittedSignature janeSecond = DedupFixtures.submission(second, "Jane" + run, janeEmail, "20500", "US",
                "198.51.100.7", false);
        String janeHash = acceptedHashOf(first, janeFirst, samFirst);
        acceptedHashOf(second, janeSecond);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            AccessRequested request = new AccessRequested(EventSchema.VERSION, UUID.randomUUID(), janeHash,
                    Instant.now());
            AccessReport report = ask(kafka, request);

            assertThat(report.service()).isEqualTo("dedup-service");
            assertThat(report.records()).hasSize(2).allSatisfy(record -> assertThat(record)
                    .containsEntry("kind", "signature").containsEntry("email", janeEmail)
                    .containsEntry("given_name", "Jane" + run).containsEntry("family_name", "Doe")
                    .containsEntry("postal_code", "20500").containsEntry("client_ip", "198.51.100.7")
                    .containsEntry("user_agent", "test").containsEntry("status", "accepted")
                    .containsKeys("comment", "referrer", "status_reason", "received_at", "accepted_at"));
            assertThat(report.records()).extracting(record -> record.get("signature_id")).containsExactlyInAnyOrder(
                    janeFirst.submissionId().toString(), janeSecond.submissionId().toString());
            assertThat(report.records().toString()).doesNotContain("Sam" + run, "198.51.100.8");

            // replayed: answered once only
            kafka.send(Topics.PEOPLE_ACCESS_REQUESTS, janeHash, request);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> answers(kafka, request).size() == 1);

            // erased: the rows that still count name nobody and are not listed
            PersonErasure erasure = new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), janeHash, Instant.now());
            kafka.send(Topics.PEOPLE_ERASURES, janeHash, erasure);
            await().atMost(DedupFixtures.WAIT).until(() -> kafka.readAllValues(Topics.PEOPLE_ERASURES_DONE,
                    ErasureDone.class).stream().anyMatch(done -> done.erasureId().equals(erasure.erasureId())));
            assertThat(ask(kafka, new AccessRequested(EventSchema.VERSION, UUID.randomUUID(), janeHash,
                    Instant.now())).records()).isEmpty();
        }
    }

    private String acceptedHashOf(String slug, SubmittedSignature... submissions) {
        List<AcceptedSignature> accepted = DedupFixtures.outcomesOf(bootstrapServers, slug, submissions).accepted();
        assertThat(accepted).hasSize(submissions.length);
        return accepted.stream().filter(signature -> signature.signatureId().equals(submissions[0].submissionId()))
                .findFirst().map(AcceptedSignature::emailHash).orElseThrow();
    }

    private static AccessReport ask(KafkaTestClient kafka, AccessRequested request) {
        kafka.send(Topics.PEOPLE_ACCESS_REQUESTS, request.emailHash(), request);
        return await().atMost(DedupFixtures.WAIT).until(() -> answers(kafka, request), list -> !list.isEmpty())
                .get(0);
    }

    private static List<AccessReport> answers(KafkaTestClient kafka, AccessRequested request) {
        return kafka.readAllValues(Topics.PEOPLE_ACCESS_REPORTS, AccessReport.class).stream()
                .filter(report -> report.requestId().equals(request.requestId())).toList();
    }
}
