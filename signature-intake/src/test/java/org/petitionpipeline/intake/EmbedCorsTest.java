package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.petitionpipeline.intake.IntakeFixtures.signature;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** Embeds on third-party pages: the browser's preflight, and petitions that name the pages allowed to embed them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EmbedCorsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitions() {
        IntakeFixtures.publish(bootstrapServers,
                IntakeFixtures.petition("embed-anywhere", PetitionStatus.OPEN),
                IntakeFixtures.petition("embed-restricted", PetitionStatus.OPEN, List.of(), List.of("https://partner.example")));
    }

    @Test
    void preflightFromAnyPageIsAnsweredForAPetitionWithoutAList() {
        given().header("Origin", "https://blog.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key, x-tracker")
                .options("/api/petitions/embed-anywhere/signatures")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://blog.example")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", equalTo("content-type, idempotency-key"))
                .header("Access-Control-Max-Age", "600");

        given().header("Origin", "https://blog.example").contentType("application/json")
                .body(signature("Cors", "cors@example.org"))
                .post("/api/petitions/embed-anywhere/signatures")
                .then().statusCode(202).header("Access-Control-Allow-Origin", "https://blog.example")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aPetitionWithItsOwnListIsEmbeddableOnlyThere() {
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "POST")
                .options("/api/petitions/embed-restricted/signatures")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "https://partner.example");
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/petitions/embed-restricted/signatures")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());

        given().header("Origin", "https://elsewhere.example").contentType("application/json")
                .body(signature("Elsewhere", "elsewhere@example.org"))
                .post("/api/petitions/embed-restricted/signatures")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://partner.example").contentType("application/json")
                .body(signature("Partner", "partner@example.org"))
                .post("/api/petitions/embed-restricted/signatures")
                .then().statusCode(202).header("Access-Control-Allow-Origin", "https://partner.example");
    }

    @Test
    void serverSideIntegrationsWithoutAnOriginAreNotBrowsersAndMaySign() {
        given().contentType("application/json").body(signature("Server", "server@example.org"))
                .post("/api/petitions/embed-restricted/signatures")
                .then().statusCode(202).header("Access-Control-Allow-Origin", nullValue());
    }
}
