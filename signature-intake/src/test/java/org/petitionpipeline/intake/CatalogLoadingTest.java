package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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

/**
 * Right after a (re)start, until the catalog has caught up with the {@code petitions} topic, a petition that exists
 * is answered 503 + Retry-After, never 404 (nor a CORS preflight 403), and intake is not ready. The petition is on the topic before intake
 * starts; the catalog's consumer reads another topic, so here the catalog never catches up.
 */
@QuarkusTest
@TestProfile(CatalogLoadingTest.CatalogNeverCatchesUp.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = CatalogLoadingTest.PetitionOnTheTopicBeforeStart.class, restrictToAnnotatedClass = true)
class CatalogLoadingTest {

    static final String SLUG = "existing";

    public static class CatalogNeverCatchesUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.petitions.topic", "not-the-petitions-topic");
        }
    }

    /** Runs after the broker has started: the petition is part of the topic's end offsets when intake starts. */
    public static class PetitionOnTheTopicBeforeStart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (KafkaTestClient kafka = new KafkaTestClient(KafkaTestResource.bootstrapServers())) {
                kafka.send(Topics.PETITIONS, SLUG, IntakeFixtures.petition(SLUG, PetitionStatus.OPEN));
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public int order() {
            return 1;
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anExistingPetitionIsUnavailableNotUnknownUntilTheCatalogHasCaughtUp() {
        // longer than the catalog's quiet period (5 s), after which a consumer at the end counts as caught up
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'petition catalog' }.status", equalTo("DOWN")));

        given().get("/api/petitions/" + SLUG)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("try again in a moment"));
        given().contentType("application/json").body(IntakeFixtures.signature("Jane", "jane@example.org"))
                .post("/api/petitions/" + SLUG + "/signatures")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2");
        given().accept("text/html").formParam("given_name", "Jane").formParam("email", "jane@example.org")
                .post("/api/petitions/" + SLUG + "/signatures")
                .then().statusCode(503).contentType("text/html")
                .body(containsString("Your signature may not have been recorded"))
                .body(containsString("Please go back and sign again."));
        given().get("/petitions/" + SLUG + "/embed").then().statusCode(503).header("Retry-After", "2");
        // an embed's preflight is not refused (a 403 is final to a browser) before its petition's origins are known
        given().header("Origin", "https://advocacy.example").header("Access-Control-Request-Method", "POST")
                .options("/api/petitions/" + SLUG + "/signatures")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");

        assertThat(IntakeFixtures.submitted(bootstrapServers, SLUG)).as("nothing published").isEmpty();
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("intake_signatures_refused_total\\{reason=\"catalog_loading\"\\} [1-9]")
                .containsPattern("intake_signatures_refused_total\\{reason=\"unknown_petition\"\\} 0");
    }
}
