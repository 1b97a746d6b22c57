package org.petitionpipeline.reporting.counting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
public class RejectionCountsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public static RejectedSignature rejected(String slug, String emailHash, RejectionReason reason) {
        return new RejectedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, emailHash, reason,
                "why, in words ops can read", Instant.now());
    }

    static ValidatableResponse stats(String slug) {
        return given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/" + slug + "/stats")
                .then().statusCode(200);
    }

    @Test
    void rejectionsCountOncePerSubmissionAndAReleasedSignatureIsNoLongerHeld() {
        PetitionCatalogTest.createPetition("rejections-test");
        RejectedSignature released = rejected("rejections-test", "r4", RejectionReason.HELD);
        List<RejectedSignature> rejections = List.of(
                rejected("rejections-test", "r1", RejectionReason.DUPLICATE),
                rejected("rejections-test", "r1", RejectionReason.DUPLICATE),
                rejected("rejections-test", "r2", RejectionReason.INVALID),
                rejected("rejections-test", "r3", RejectionReason.HELD),
                released);
        // ops release it: dedup publishes the held submission as accepted, under the same id
        CountedSignature releasedAsAccepted = TotalsTest.accepted("rejections-test", released.submissionId(), "r4");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (RejectedSignature rejection : rejections) {
                kafka.send(Topics.SIGNATURES_REJECTED, rejection.key(), rejection);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> stats("rejections-test")
                    .body("duplicates", equalTo(2)).body("invalid", equalTo(1)).body("held", equalTo(2)));

            kafka.send(Topics.SIGNATURES_COUNTED, releasedAsAccepted.key(), releasedAsAccepted);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> stats("rejections-test")
                    .body("held", equalTo(1)).body("accepted", equalTo(1)).body("total", equalTo(1)));

            for (RejectedSignature rejection : rejections) {
                kafka.send(Topics.SIGNATURES_REJECTED, rejection.key(), rejection);
            }
        }

        // the replayed rejections change nothing: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                stats("rejections-test").body("duplicates", equalTo(2)).body("invalid", equalTo(1))
                        .body("held", equalTo(1)).body("accepted", equalTo(1)).body("invalidated", equalTo(0)));
        given().get("/api/petitions/rejections-test/total").then().body("total", equalTo(1));
    }

    @Test
    void statsNeedTheOrganizerTokenAndAKnownPetition() {
        PetitionCatalogTest.createPetition("stats-token-test");
        given().get("/api/admin/petitions/stats-token-test/stats")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/no-such-petition/stats")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("there is no petition 'no-such-petition'"));
        stats("stats-token-test").body("accepted", equalTo(0)).body("held", equalTo(0)).body("total", equalTo(0));
    }
}
