package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.petitionpipeline.intake.IntakeFixtures.signature;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** An embed retrying after a lost answer must not sign twice. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IdempotencyKeyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitionIsOpen() {
        IntakeFixtures.publish(bootstrapServers, IntakeFixtures.petition("retry-petition", PetitionStatus.OPEN));
    }

    private String sign(String key, String givenName, String email) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(signature(givenName, email))
                .post("/api/petitions/retry-petition/signatures")
                .then().statusCode(202).extract().path("submission_id");
    }

    @Test
    void repeatingAKeyReturnsTheFirstSubmissionAndPublishesNothingNew() {
        String key = UUID.randomUUID().toString();
        String first = sign(key, "Retry", "retry@example.org");
        List<String> retries = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> sign(key, "Retry", "retry@example.org"))).toList().stream().map(CompletableFuture::join).toList();

        assertThat(retries).containsOnly(first);
        assertThat(IntakeFixtures.submitted(bootstrapServers, "retry-petition"))
                .filteredOn(submitted -> submitted.signer().givenName().equals("Retry"))
                .extracting(SubmittedSignature::submissionId).containsExactly(UUID.fromString(first));
    }

    @Test
    void theKeyMayComeInTheBodyForClientsThatCannotSetHeaders() {
        String body = signature("Bodykey", "bodykey@example.org").replaceFirst("\\{", "{\"idempotency_key\": \"k-123\",");
        String first = given().contentType("application/json").body(body).post("/api/petitions/retry-petition/signatures")
                .then().statusCode(202).extract().path("submission_id");
        String second = given().contentType("application/json").body(body).post("/api/petitions/retry-petition/signatures")
                .then().statusCode(202).extract().path("submission_id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aKeyReusedByAnotherSignerIsTheirOwnSignature() {
        String key = "fixed-key-in-a-static-form";
        String owner = sign(key, "Owner", "owner@example.org");
        String other = sign(key, "Other", "other@example.org");

        assertThat(other).isNotEqualTo(owner);
        assertThat(IntakeFixtures.submitted(bootstrapServers, "retry-petition"))
                .filteredOn(submitted -> submitted.signer().givenName().equals("Other")).hasSize(1);
    }

    @Test
    void aMalformedKeyIsRefused() {
        given().contentType("application/json").header("Idempotency-Key", "a key with spaces")
                .body(signature("Malformed", "malformed@example.org"))
                .post("/api/petitions/retry-petition/signatures")
                .then().statusCode(422).body("errors", hasKey("idempotency_key"));
    }
}
