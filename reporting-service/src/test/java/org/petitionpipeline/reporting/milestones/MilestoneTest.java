package org.petitionpipeline.reporting.milestones;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The test profile's milestones are totals of 3 and 5; these petitions aim at 4. */
@QuarkusTest
class MilestoneTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    private static void createPetitionWithGoalOf4(String slug) {
        given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(slug).replace("\"goal\": 100000", "\"goal\": 4"))
                .post("/api/admin/petitions").then().statusCode(201);
    }

    private static List<CountedSignature> signatures(String slug, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> TotalsTest.accepted(slug, UUID.randomUUID(), slug + "-" + i)).toList();
    }

    @Test
    void eachMilestoneIsRecordedAndPublishedOnceHoweverOftenTheSignaturesAreDelivered() throws Exception {
        createPetitionWithGoalOf4("milestone-test");
        List<CountedSignature> signatures = signatures("milestone-test", 6);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (CountedSignature signature : signatures) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            InvalidationTest.awaitTotal("milestone-test", 6);
            for (CountedSignature signature : signatures) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            // down below every milestone and up again: none is reached a second time
            for (CountedSignature signature : signatures.subList(0, 4)) {
                kafka.send(Topics.SIGNATURES_INVALIDATED, signature.key(), InvalidationTest.invalidated(signature));
            }
            InvalidationTest.awaitTotal("milestone-test", 2);
            for (CountedSignature signature : signatures("milestone-test-again", 4)) {
                CountedSignature onThisPetition = TotalsTest.accepted("milestone-test", signature.signatureId(),
                        signature.emailHash());
                kafka.send(Topics.SIGNATURES_COUNTED, onThisPetition.key(), onThisPetition);
            }
            InvalidationTest.awaitTotal("milestone-test", 6);

            List<String> published = await().atMost(Duration.ofSeconds(10)).until(
                    () -> milestonesPublished(kafka, "milestone-test"), list -> list.size() >= 3);
            // and no more come: read the topic once more after the relay has run a few times
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                    () -> milestonesPublished(kafka, "milestone-test"), list -> list.equals(published));
            assertThat(published).containsExactlyInAnyOrder("THRESHOLD 3", "GOAL 4", "THRESHOLD 5");
        }
        assertThat(milestonesRecorded("milestone-test")).containsExactlyInAnyOrder(
                "THRESHOLD 3", "GOAL 4", "THRESHOLD 5");
    }

    @Test
    void aGoalRaisedAfterItWasReachedIsAMilestoneOfItsOwn() throws Exception {
        createPetitionWithGoalOf4("raised-goal-test");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (CountedSignature signature : signatures("raised-goal-test", 4)) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> milestonesRecorded("raised-goal-test").contains("GOAL 4"));

            given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                    .body(PetitionCatalogTest.petitionJson("raised-goal-test").replace("\"goal\": 100000", "\"goal\": 6"))
                    .put("/api/admin/petitions/raised-goal-test").then().statusCode(200);
            for (CountedSignature signature : signatures("raised-goal-test-more", 2)) {
                CountedSignature onThisPetition = TotalsTest.accepted("raised-goal-test", signature.signatureId(),
                        signature.emailHash());
                kafka.send(Topics.SIGNATURES_COUNTED, onThisPetition.key(), onThisPetition);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> milestonesRecorded("raised-goal-test").contains("GOAL 6"));
        assertThat(milestonesRecorded("raised-goal-test")).containsExactlyInAnyOrder(
                "THRESHOLD 3", "GOAL 4", "THRESHOLD 5", "GOAL 6");
    }

    private static List<String> milestonesPublished(KafkaTestClient kafka, String slug) {
        return kafka.read(Topics.PETITIONS_MILESTONES, 10_000, Duration.ofMillis(500)).stream()
                .filter(record -> record.key().equals(slug))
                .map(record -> KafkaTestClient.parse(record.value(), MilestoneReached.class))
                .map(milestone -> milestone.kind() + " " + milestone.threshold())
                .toList();
    }

    private List<String> milestonesRecorded(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select kind, threshold from reporting.milestone where petition_slug = ?")) {
            query.setString(1, slug);
            List<String> milestones = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    milestones.add(rows.getString("kind") + " " + rows.getLong("threshold"));
                }
            }
            return milestones;
        }
    }
}
