package org.petitionpipeline.reporting.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.erasure.PersonErasureTest;
import org.petitionpipeline.reporting.erasure.PersonErasureTest.Person;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class AccessReportTest {

    private static final List<String> PETITIONS = List.of("access-a-test", "access-b-test");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAccessRequestIsAnsweredOnceWithThePersonsSignerRowsAndNothingOfAnyoneElse() {
        Person jane = Person.fresh("jane");
        Person sam = Person.fresh("sam");
        PETITIONS.forEach(PetitionCatalogTest::createPetition);
        Instant signedAt = Instant.now().minus(1, ChronoUnit.HOURS);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (String slug : PETITIONS) {
                for (Person person : List.of(jane, sam)) {
                    CountedSignature signature = person.signs(slug, signedAt);
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                }
            }
            PETITIONS.forEach(slug -> InvalidationTest.awaitTotal(slug, 2));

            AccessRequested request = requestOf(jane);
            AccessReport report = ask(kafka, request).get(0);

            assertThat(report.service()).isEqualTo("reporting-service");
            assertThat(report.emailHash()).isEqualTo(jane.emailHash());
            assertThat(report.records()).hasSize(2).allSatisfy(record -> assertThat(record)
                    .containsEntry("kind", "signer").containsEntry("given_name", jane.givenName())
                    .containsEntry("family_name", jane.familyName()).containsEntry("postal_code", jane.postalCode())
                    .containsEntry("comment", jane.comment()).containsEntry("country", "US")
                    .containsEntry("region", "US-CA").containsKey("signed_at"));
            assertThat(report.records()).extracting(record -> record.get("petition"))
                    .containsExactlyInAnyOrderElementsOf(PETITIONS);
            assertThat(report.records().toString()).doesNotContain(sam.givenName(), sam.postalCode(), sam.comment());

            // replayed: answered once only
            kafka.send(Topics.PEOPLE_ACCESS_REQUESTS, request.emailHash(), request);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> answers(kafka, request).size() == 1);

            // erased: nothing left that names them
            PersonErasureTest.erase(kafka, PersonErasureTest.erasureOf(jane.emailHash(), Instant.now()));
            assertThat(ask(kafka, requestOf(jane)).get(0).records()).isEmpty();
        }
    }

    private static AccessRequested requestOf(Person person) {
        return new AccessRequested(EventSchema.VERSION, UUID.randomUUID(), person.emailHash(), Instant.now());
    }

    private static List<AccessReport> ask(KafkaTestClient kafka, AccessRequested request) {
        kafka.send(Topics.PEOPLE_ACCESS_REQUESTS, request.emailHash(), request);
        return await().atMost(Duration.ofSeconds(30)).until(() -> answers(kafka, request), list -> !list.isEmpty());
    }

    private static List<AccessReport> answers(KafkaTestClient kafka, AccessRequested request) {
        return kafka.read(Topics.PEOPLE_ACCESS_REPORTS, 10_000, Duration.ofMillis(500)).stream()
                .filter(record -> record.key().equals(request.emailHash()))
                .map(record -> KafkaTestClient.parse(record.value(), AccessReport.class))
                .filter(report -> report.requestId().equals(request.requestId()))
                .toList();
    }
}
