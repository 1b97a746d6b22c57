package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** When Kafka cannot take a signature in time, the signer gets 503 + Retry-After, never a 202. */
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
    void signatureKafkaCannotAcknowledgeGetsServiceUnavailable() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "outage", SignatureIntakeTest.petition("outage", PetitionStatus.OPEN));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/petitions/outage").then().statusCode(200));

        KafkaTestResource.stopBroker();

        given().contentType("application/json").body(SignatureIntakeTest.signature("Jane", "jane@example.org"))
                .post("/api/petitions/outage/signatures")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("try again"));
    }
}
