package org.petitionpipeline.reporting.counting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class BreakdownTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static CountedSignature signedFrom(String slug, String country, String region, String acceptedAt) {
        String emailHash = UUID.randomUUID().toString();
        return new CountedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, emailHash, "Jane", "Doe", null,
                country, region, null, Instant.parse(acceptedAt));
    }

    @Test
    void theTotalIsSplitByCountryRegionAndHourAndReplaysDoNotMoveIt() {
        PetitionCatalogTest.createPetition("breakdown-test");
        CountedSignature dc = signedFrom("breakdown-test", "US", "US-DC", "2026-11-22T10:15:00Z");
        CountedSignature california = signedFrom("breakdown-test", "US", "US-CA", "2026-11-22T10:59:59Z");
        CountedSignature london = signedFrom("breakdown-test", "gb", null, "2026-11-22T11:00:00Z");
        CountedSignature nowhere = signedFrom("breakdown-test", null, null, "2026-11-22T12:30:00Z");
        List<CountedSignature> all = List.of(dc, california, london, nowhere);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            all.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            InvalidationTest.awaitTotal("breakdown-test", 4);
            all.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
        }

        // a replay must not move it: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> breakdown("breakdown-test")
                .body("by_country", equalTo(Map.of("US", 2, "GB", 1, "unknown", 1)))
                .body("by_region", equalTo(Map.of("US-DC", 1, "US-CA", 1, "unknown", 2)))
                .body("by_hour", equalTo(Map.of("2026-11-22T10:00:00Z", 2, "2026-11-22T11:00:00Z", 1,
                        "2026-11-22T12:00:00Z", 1))));
    }

    @Test
    void anInvalidatedSignatureLeavesTheRowsItWasCountedInOnce() {
        PetitionCatalogTest.createPetition("breakdown-strike-test");
        CountedSignature kept = signedFrom("breakdown-strike-test", "DE", "DE-BE", "2026-11-22T08:05:00Z");
        CountedSignature struckOut = signedFrom("breakdown-strike-test", "FR", "FR-75C", "2026-11-22T09:10:00Z");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, kept.key(), kept);
            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
            InvalidationTest.awaitTotal("breakdown-strike-test", 2);

            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), InvalidationTest.invalidated(struckOut));
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), InvalidationTest.invalidated(struckOut));
            InvalidationTest.awaitTotal("breakdown-strike-test", 1);
            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
        }

        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                breakdown("breakdown-strike-test")
                        .body("by_country", equalTo(Map.of("DE", 1)))
                        .body("by_region", equalTo(Map.of("DE-BE", 1)))
                        .body("by_hour", equalTo(Map.of("2026-11-22T08:00:00Z", 1))));
    }

    @Test
    void aPetitionWithoutSignaturesHasEmptyBreakdowns() {
        PetitionCatalogTest.createPetition("breakdown-empty-test");
        breakdown("breakdown-empty-test").body("slug", equalTo("breakdown-empty-test"))
                .body("by_country", anEmptyMap()).body("by_region", anEmptyMap()).body("by_hour", anEmptyMap());
    }

    @Test
    void theBreakdownIsForOrganizersOfPetitionsThatExist() {
        PetitionCatalogTest.createPetition("breakdown-auth-test");
        given().get("/api/admin/petitions/breakdown-auth-test/breakdown").then().statusCode(401);
        given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/nope/breakdown")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse breakdown(String slug) {
        return given().header("Authorization", PetitionCatalogTest.ADMIN)
                .get("/api/admin/petitions/" + slug + "/breakdown").then().statusCode(200);
    }
}
