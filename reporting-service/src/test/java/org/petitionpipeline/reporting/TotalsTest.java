package org.petitionpipeline.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class TotalsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static AcceptedSignature accepted(String slug, UUID signatureId, String emailHash) {
        return new AcceptedSignature(EventSchema.VERSION, signatureId, slug, "Title", emailHash,
                new Signer("Jane", "Doe", emailHash + "@example.org", "20500", "US"), null,
                new Consent(false, "v1"), null, "US-DC", Instant.now());
    }

    @Test
    void eachSignatureIdCountsOnceHoweverOftenItIsDelivered() {
        given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson("totals-test")).post("/api/admin/petitions")
                .then().statusCode(201);

        UUID first = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            AcceptedSignature replayed = accepted("totals-test", first, "h1");
            kafka.send(Topics.SIGNATURES_ACCEPTED, replayed.key(), replayed);
            kafka.send(Topics.SIGNATURES_ACCEPTED, replayed.key(), replayed);
            for (String hash : new String[] {"h2", "h3"}) {
                AcceptedSignature signature = accepted("totals-test", UUID.randomUUID(), hash);
                kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            }
            kafka.send(Topics.SIGNATURES_ACCEPTED, replayed.key(), replayed);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/petitions/totals-test/total").then().statusCode(200).body("total", equalTo(3)));
        // a late replay must not move it either: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().get("/api/petitions/totals-test/total").then().body("total", equalTo(3)));
    }

    @Test
    void poisonIsSetAsideAndTheSignaturesAroundItAreCounted() {
        given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson("poison-test")).post("/api/admin/petitions")
                .then().statusCode(201);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            AcceptedSignature first = accepted("poison-test", UUID.randomUUID(), "p1");
            AcceptedSignature withoutId = accepted("poison-test", null, "p2");
            AcceptedSignature last = accepted("poison-test", UUID.randomUUID(), "p3");
            kafka.send(Topics.SIGNATURES_ACCEPTED, first.key(), first);
            kafka.sendRaw(Topics.SIGNATURES_ACCEPTED, "poison-test:garbage", "\u0000not json");
            kafka.send(Topics.SIGNATURES_ACCEPTED, "poison-test:no-id", withoutId);
            kafka.send(Topics.SIGNATURES_ACCEPTED, last.key(), last);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().get("/api/petitions/poison-test/total").then().body("total", equalTo(2)));
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.SIGNATURES_ACCEPTED), 1000, Duration.ofMillis(500)).stream()
                    .filter(record -> record.key().startsWith("poison-test:")).count() == 2);
        }
    }
}
