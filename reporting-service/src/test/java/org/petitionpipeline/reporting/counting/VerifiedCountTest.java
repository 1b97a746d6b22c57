package org.petitionpipeline.reporting.counting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * Signatures confirmed by their signers (double opt-in): counted once per id in the verified figure, whatever the
 * order and number of deliveries of the accepted, verified and invalidated events; on a verified-only petition the
 * public total is that figure.
 */
@QuarkusTest
public class VerifiedCountTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public static VerifiedSignature verified(CountedSignature signature) {
        return new VerifiedSignature(EventSchema.VERSION, signature.signatureId(), signature.petitionSlug(),
                signature.emailHash(), Instant.now());
    }

    @Test
    void onAVerifiedOnlyPetitionOnlyConfirmedSignaturesCountHoweverOftenEventsAreReplayed() {
        createVerifiedOnlyPetition("verified-only-test");
        CountedSignature confirmed = TotalsTest.accepted("verified-only-test", UUID.randomUUID(), "v1");
        CountedSignature confirmedFirst = TotalsTest.accepted("verified-only-test", UUID.randomUUID(), "v2");
        CountedSignature unconfirmed = TotalsTest.accepted("verified-only-test", UUID.randomUUID(), "v3");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, confirmed.key(), confirmed);
            kafka.send(Topics.SIGNATURES_COUNTED, unconfirmed.key(), unconfirmed);
            awaitStats("verified-only-test", 2, 0, 0);

            kafka.send(Topics.SIGNATURES_VERIFIED, confirmed.key(), verified(confirmed));
            // a confirmation that overtakes its acceptance (the topics are read independently)
            kafka.send(Topics.SIGNATURES_VERIFIED, confirmedFirst.key(), verified(confirmedFirst));
            awaitStats("verified-only-test", 2, 1, 1);
            kafka.send(Topics.SIGNATURES_COUNTED, confirmedFirst.key(), confirmedFirst);
            awaitStats("verified-only-test", 3, 2, 2);

            // replays of every event
            kafka.send(Topics.SIGNATURES_VERIFIED, confirmed.key(), verified(confirmed));
            kafka.send(Topics.SIGNATURES_VERIFIED, confirmedFirst.key(), verified(confirmedFirst));
            kafka.send(Topics.SIGNATURES_COUNTED, confirmedFirst.key(), confirmedFirst);
            kafka.send(Topics.SIGNATURES_COUNTED, confirmed.key(), confirmed);
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertStats("verified-only-test", 3, 2, 2));
        given().get("/api/petitions/verified-only-test/total").then().statusCode(200)
                .body("total", equalTo(2)).body("verified", equalTo(2));
    }

    @Test
    void anInvalidatedSignatureLeavesBothTheTotalAndTheVerifiedFigureOnce() {
        createVerifiedOnlyPetition("verified-strike-test");
        CountedSignature struckOut = TotalsTest.accepted("verified-strike-test", UUID.randomUUID(), "w1");
        CountedSignature kept = TotalsTest.accepted("verified-strike-test", UUID.randomUUID(), "w2");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (CountedSignature signature : new CountedSignature[] {struckOut, kept}) {
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                kafka.send(Topics.SIGNATURES_VERIFIED, signature.key(), verified(signature));
            }
            awaitStats("verified-strike-test", 2, 2, 2);

            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), InvalidationTest.invalidated(struckOut));
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), InvalidationTest.invalidated(struckOut));
            awaitStats("verified-strike-test", 2, 1, 1);
            // a confirmation replayed after the strike-out does not bring it back
            kafka.send(Topics.SIGNATURES_VERIFIED, struckOut.key(), verified(struckOut));
            kafka.send(Topics.SIGNATURES_COUNTED, struckOut.key(), struckOut);
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertStats("verified-strike-test", 2, 1, 1));
    }

    @Test
    void onAnOrdinaryPetitionTheVerifiedFigureIsShownAndTheTotalCountsEverySignature() {
        PetitionCatalogTest.createPetition("verified-figure-test");
        CountedSignature confirmed = TotalsTest.accepted("verified-figure-test", UUID.randomUUID(), "x1");
        CountedSignature other = TotalsTest.accepted("verified-figure-test", UUID.randomUUID(), "x2");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, confirmed.key(), confirmed);
            kafka.send(Topics.SIGNATURES_COUNTED, other.key(), other);
            kafka.send(Topics.SIGNATURES_VERIFIED, confirmed.key(), verified(confirmed));
            kafka.send(Topics.SIGNATURES_VERIFIED, confirmed.key(), verified(confirmed));
        }
        awaitStats("verified-figure-test", 2, 1, 2);
        given().get("/api/petitions/verified-figure-test/total").then().statusCode(200)
                .body("total", equalTo(2)).body("verified", equalTo(1));
    }

    private static void createVerifiedOnlyPetition(String slug) {
        String json = PetitionCatalogTest.petitionJson(slug).replaceFirst("}$", ", \"verified_signatures_only\": true}");
        given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json").body(json)
                .post("/api/admin/petitions").then().statusCode(201);
    }

    private static void awaitStats(String slug, int accepted, int verified, int total) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertStats(slug, accepted, verified, total));
    }

    private static void assertStats(String slug, int accepted, int verified, int total) {
        given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/" + slug + "/stats")
                .then().statusCode(200).body("accepted", equalTo(accepted)).body("verified", equalTo(verified))
                .body("total", equalTo(total));
    }
}
