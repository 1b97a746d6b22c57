package org.petitionpipeline.reporting.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/** With PostgreSQL gone the public total says "retry later" (503), not "we broke" (500), and comes back by itself. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    @Test
    void aDatabaseOutageIsA503UntilTheDatabaseIsBack() {
        PetitionCatalogTest.createPetition("outage-test");
        given().get("/api/petitions/outage-test/total").then().statusCode(200);

        PostgresTestResource.stopDatabase();

        given().get("/api/petitions/outage-test/total")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("try again"));

        PostgresTestResource.restartDatabase();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().get("/api/petitions/outage-test/total").then().statusCode(200).body("total", equalTo(0)));
    }
}
