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
import org.petitionpipeline.testsupport.KafkaTestResource;

/**
 * When Kafka cannot take a signature, the signer gets 503 + Retry-After within the bound, never a 202, and only
 * once the producer has given the record up: a signature answered 503 does not turn up on the topic when the broker
 * is back. Then intake takes signatures again without a restart of its own.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.ShortAckTimeout.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class KafkaOutageTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(4);

    public static class ShortAckTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.kafka-ack-timeout", ACK_TIMEOUT.toSeconds() + "s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aSignatureAnsweredUnavailableIsNotRecordedOnceTheBrokerIsBack() {
        IntakeFixtures.publish(bootstrapServers, IntakeFixtures.petition("outage", PetitionStatus.OPEN));
        // the producer now knows the topic's leader: the next record waits in its buffer, not in send()
        given().contentType("application/json").body(IntakeFixtures.signature("Before", "before@example.org"))
                .post("/api/petitions/outage/signatures").then().statusCode(202);

        KafkaTestResource.stopBroker();

        CompletableFuture<ValidatableResponse> answer = CompletableFuture.supplyAsync(() -> given()
                .contentType("application/json").body(IntakeFixtures.signature("During", "during@example.org"))
                .post("/api/petitions/outage/signatures").then());
        await("answered within the bound").atMost(ACK_TIMEOUT.plusSeconds(4)).until(answer::isDone);
        answer.join().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("could not confirm that your signature was recorded"));

        KafkaTestResource.restartBroker();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().contentType("application/json").body(IntakeFixtures.signature("After", "after@example.org"))
                        .post("/api/petitions/outage/signatures")
                        .then().statusCode(202));
        assertThat(IntakeFixtures.submitted(bootstrapServers, "outage"))
                .extracting(signature -> signature.signer().givenName())
                .as("what was acknowledged is on the topic, what was answered 503 is not")
                .contains("Before", "After")
                .doesNotContain("During");
    }
}
