package org.petitionpipeline.reporting.counting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
public class InvalidationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    public static InvalidatedSignature invalidated(CountedSignature signature) {
        return new InvalidatedSignature(EventSchema.VERSION, signature.signatureId(), signature.petitionSlug(),
                signature.emailHash(), "bot wave found by ops", Instant.now());
    }

    @Test
    void anInvalidatedSignatureLeavesTheTotalOnceHoweverOftenEitherEventIsDelivered() {
        PetitionCatalogTest.createPetition("strike-test");
        CountedSignature struckOut = TotalsTest.accepted("strike-test", UUID.randomUUID(), "s1");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (CountedSignature signature : new CountedSignature[] {struckOut,
                    TotalsTest.accepted("strike-test", UUID.randomUUID(), "s2"),
                    TotalsTest.accepted("strike-test", UUID.randomUUID(), "s3")}) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            awaitTotal("strike-test", 3);

            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), invalidated(struckOut));
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), invalidated(struckOut));
            awaitTotal("strike-test", 2);
            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), invalidated(struckOut));
        }

        // replays of both events must not move it: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().get("/api/petitions/strike-test/total").then().body("total", equalTo(2)));
        given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/strike-test/stats")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("invalidated", equalTo(1)).body("total", equalTo(2));
    }

    @Test
    void aSignatureInvalidatedBeforeItsAcceptanceArrivesIsNeverCounted() throws Exception {
        PetitionCatalogTest.createPetition("early-strike-test");
        CountedSignature struckOut = TotalsTest.accepted("early-strike-test", UUID.randomUUID(), "e1");
        CountedSignature kept = TotalsTest.accepted("early-strike-test", UUID.randomUUID(), "e2");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), invalidated(struckOut));
            // the two topics are read independently: make sure the invalidation really came first
            await().atMost(Duration.ofSeconds(10)).until(() -> isRecordedAsInvalidated(struckOut.signatureId()));

            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
            kafka.send(Topics.SIGNATURES_COUNTED, kept.key(), kept);
            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
        }

        awaitTotal("early-strike-test", 1);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().get("/api/petitions/early-strike-test/total").then().body("total", equalTo(1)));
        // it was never counted, so nothing was taken off
        given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/early-strike-test/stats")
                .then().statusCode(200).body("accepted", equalTo(1)).body("invalidated", equalTo(0));
    }

    @Test
    void anInvalidationWithoutSignatureIdIsSetAside() {
        PetitionCatalogTest.createPetition("strike-poison-test");
        CountedSignature signature = TotalsTest.accepted("strike-poison-test", UUID.randomUUID(), "q1");
        InvalidatedSignature withoutId = new InvalidatedSignature(EventSchema.VERSION, null, "strike-poison-test",
                "q2", "bot", Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            awaitTotal("strike-poison-test", 1);

            kafka.send(Topics.SIGNATURES_INVALIDATED, withoutId.key(), withoutId);
            kafka.send(Topics.SIGNATURES_INVALIDATED, signature.key(), invalidated(signature));
            awaitTotal("strike-poison-test", 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.SIGNATURES_INVALIDATED), 1000, Duration.ofMillis(500)).stream()
                    .anyMatch(record -> record.key().equals(withoutId.key())));
        }
    }

    /* Generous: the first test of a run waits for the consumers to join their group, on a shared machine. */
    public static void awaitTotal(String slug, int total) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/petitions/" + slug + "/total").then().statusCode(200).body("total", equalTo(total)));
    }

    private boolean isRecordedAsInvalidated(UUID signatureId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select 1 from reporting.counted_signature where signature_id = ? and invalidated_at is not null")) {
            query.setObject(1, signatureId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
