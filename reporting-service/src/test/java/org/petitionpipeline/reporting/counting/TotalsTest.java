package org.petitionpipeline.reporting.counting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
public class TotalsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public static CountedSignature accepted(String slug, UUID signatureId, String emailHash) {
        return new CountedSignature(EventSchema.VERSION, signatureId, slug, emailHash, "Jane", "Doe", "20500", "US",
                "US-DC", null, Instant.now());
    }

    @Test
    void eachSignatureIdCountsOnceHoweverOftenItIsDelivered() {
        PetitionCatalogTest.createPetition("totals-test");

        UUID first = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CountedSignature replayed = accepted("totals-test", first, "h1");
            kafka.send(Topics.SIGNATURES_COUNTED, replayed.key(), replayed);
            kafka.send(Topics.SIGNATURES_COUNTED, replayed.key(), replayed);
            for (String hash : new String[] {"h2", "h3"}) {
                CountedSignature signature = accepted("totals-test", UUID.randomUUID(), hash);
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            kafka.send(Topics.SIGNATURES_COUNTED, replayed.key(), replayed);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/petitions/totals-test/total").then().statusCode(200).body("total", equalTo(3)));
        // a late replay must not move it either: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                given().get("/api/petitions/totals-test/total").then().body("total", equalTo(3)));
    }

    @Test
    void browsersAndCdnsKeepTheTotalBrieflyAndRevalidateWithItsEntityTag() {
        PetitionCatalogTest.createPetition("etag-test");
        String entityTag = given().get("/api/petitions/etag-test/total")
                .then().statusCode(200).header("Cache-Control", "public, max-age=2")
                .header("ETag", matchesPattern("\"[0-9]+-[0-9]+\""))
                .extract().header("ETag");

        given().header("If-None-Match", entityTag).get("/api/petitions/etag-test/total")
                .then().statusCode(304).header("ETag", entityTag).header("Cache-Control", "public, max-age=2")
                .body(emptyString());
        // a compressing proxy may weaken the tag; If-None-Match compares weakly (RFC 9110 13.1.2)
        given().header("If-None-Match", "\"other\", W/" + entityTag).get("/api/petitions/etag-test/total")
                .then().statusCode(304);
        given().header("If-None-Match", "\"0-0\"").get("/api/petitions/etag-test/total")
                .then().statusCode(200).body("total", equalTo(0));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CountedSignature signature = accepted("etag-test", UUID.randomUUID(), "t1");
            kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("If-None-Match", entityTag).get("/api/petitions/etag-test/total")
                        .then().statusCode(200).body("total", equalTo(1))
                        .header("ETag", not(equalTo(entityTag))));
    }

    @Test
    void poisonIsSetAsideAndTheSignaturesAroundItAreCounted() {
        PetitionCatalogTest.createPetition("poison-test");

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CountedSignature first = accepted("poison-test", UUID.randomUUID(), "p1");
            CountedSignature withoutId = accepted("poison-test", null, "p2");
            CountedSignature last = accepted("poison-test", UUID.randomUUID(), "p3");
            kafka.send(Topics.SIGNATURES_COUNTED, first.key(), first);
            kafka.sendRaw(Topics.SIGNATURES_COUNTED, "poison-test:garbage", "\u0000not json");
            kafka.send(Topics.SIGNATURES_COUNTED, "poison-test:no-id", withoutId);
            kafka.send(Topics.SIGNATURES_COUNTED, last.key(), last);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().get("/api/petitions/poison-test/total").then().body("total", equalTo(2)));
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.SIGNATURES_COUNTED), 1000, Duration.ofMillis(500)).stream()
                    .filter(record -> record.key().startsWith("poison-test:")).count() == 2);
        }
    }
}
