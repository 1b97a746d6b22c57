package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;

/**
 * When Kafka cannot take a signature in time, the signer gets 503 + Retry-After within the bound, never a 202;
 * when the broker is back, intake takes signatures again without a restart of its own.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.ShortAckTimeout.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class KafkaOutageTest {

    public static class ShortAckTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.kafka-ack-timeout", "2s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void signatureKafkaCannotAcknowledgeGetsServiceUnavailableUntilTheBrokerIsBack() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "outage", IntakeFixtures.petition("outage", PetitionStatus.OPEN));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/petitions/outage").then().statusCode(200));

        KafkaTestResource.stopBroker();

        CompletableFuture<ValidatableResponse> answer = CompletableFuture.supplyAsync(() -> given()
                .contentType("application/json").body(IntakeFixtures.signature("Jane", "jane@example.org"))
                .post("/api/petitions/outage/signatures").then());
        // the bound (2 s) plus the client's own start-up, far below the producer's 15 s delivery timeout
        await("answered within the configured bound").atMost(Duration.ofSeconds(6)).until(answer::isDone);
        answer.join().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("try again"));

        KafkaTestResource.restartBroker();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().contentType("application/json").body(IntakeFixtures.signature("Jane", "jane@example.org"))
                        .post("/api/petitions/outage/signatures")
                        .then().statusCode(202));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            assertThat(kafka.readValues(Topics.SIGNATURES_SUBMITTED, 10, Duration.ofSeconds(5), SubmittedSignature.class))
                    .as("what was acknowledged after the restart is on the topic")
                    .anyMatch(signature -> signature.petitionSlug().equals("outage"));
        }
    }
}
